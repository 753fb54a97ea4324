import type { Db } from '@cloudbase/database'
import type { GroupKind, PlaybookOutput } from '../../contracts/groups.contract'
import { must } from '../kernel/db-result'
import { defaultPlaybook } from './default-playbooks'
import { GROUP_COLLECTIONS, type GroupDoc, type PlaybookDoc } from './group.model'
import { starterDay } from './shanghai-time'

type Playbook = Pick<PlaybookDoc, 'kind' | 'welcome' | 'rules' | 'starterPlan' | 'autoReplies'>

export function playbookId(communityId: string, kind: GroupKind): string {
  return `${communityId}_${kind}`
}

/** The community's own programme for a kind, or the built-in one. One read by _id. */
export async function loadPlaybook(db: Db, communityId: string, kind: GroupKind): Promise<Playbook> {
  const doc = (must(await db.collection(GROUP_COLLECTIONS.playbooks).doc(playbookId(communityId, kind)).get()).data as PlaybookDoc[])[0]
  return doc ?? { kind, ...defaultPlaybook(kind) }
}

/** Every kind's programme of a community (one read), defaults filling the gaps. */
export async function loadPlaybooks(db: Db, communityId: string): Promise<Playbook[]> {
  const res = must(await db.collection(GROUP_COLLECTIONS.playbooks).where({ communityId }).limit(10).get())
  const own = new Map((res.data as PlaybookDoc[]).map((p) => [p.kind, p]))
  return (['owners', 'tenants', 'merchants', 'all'] as const).map((kind) => own.get(kind) ?? { kind, ...defaultPlaybook(kind) })
}

export function playbookView(p: Playbook, group: Pick<GroupDoc, 'createdAt'>, now: Date): PlaybookOutput {
  return { kind: p.kind, welcome: p.welcome, rules: p.rules, starterPlan: p.starterPlan, autoReplies: p.autoReplies, today: starterDay(group, now) }
}

/** Keyword lookup for the steward: matches the keyword or the answer text, across the kinds asked for. */
export function searchReplies(playbooks: Playbook[], keyword: string, kind?: GroupKind) {
  const needle = keyword.toLowerCase()
  return playbooks
    .filter((p) => !kind || p.kind === kind)
    .flatMap((p) => p.autoReplies.map((r) => ({ ...r, kind: p.kind })))
    .filter((r) => r.keyword.toLowerCase().includes(needle) || r.answer.toLowerCase().includes(needle))
    .sort((a, b) => Number(b.keyword.toLowerCase().includes(needle)) - Number(a.keyword.toLowerCase().includes(needle)))
    .slice(0, 30)
}
