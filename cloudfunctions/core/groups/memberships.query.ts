import type { MembershipView } from '../../contracts/groups.contract'
import type { Platform } from '../kernel/platform'
import { must } from '../kernel/db-result'
import { loadBuildingNames } from './group-access'
import { urlsFor } from './group-files'
import { codeView, groupSummary } from './group-view'
import { GROUP_COLLECTIONS, type GroupDoc, type GroupMemberDoc } from './group.model'
import { isCodeShowable } from './lifecycle.rules'
import { loadPlaybook } from './playbook.service'

/** The resident's groups (handed out or joined), each with its code only while live and its rules. */
export async function myMemberships(platform: Platform, openid: string): Promise<{ memberships: MembershipView[] }> {
  const db = platform.db
  const _ = db.command
  const now = platform.clock.now()
  const members = must(await db.collection(GROUP_COLLECTIONS.members).where({ openid }).orderBy('lastActiveAt', 'desc').limit(20).get()).data as GroupMemberDoc[]
  if (members.length === 0) return { memberships: [] }
  const groups = must(await db.collection(GROUP_COLLECTIONS.groups).where({ _id: _.in(members.map((m) => m.groupId)) }).limit(20).get()).data as GroupDoc[]
  const byId = new Map(groups.map((g) => [g._id, g]))
  const live = groups.filter((g) => isCodeShowable(g.code, now)).map((g) => g.code!.fileId)
  const [names, urlOf] = await Promise.all([loadBuildingNames(db, groups.flatMap((g) => g.buildingIds)), urlsFor(platform, live)])
  const rulesByKind = new Map<string, string[]>()
  const out: MembershipView[] = []
  for (const m of members) {
    const g = byId.get(m.groupId)
    if (!g || g.status !== 'active') continue
    const key = `${g.communityId}_${g.kind}`
    if (!rulesByKind.has(key)) rulesByKind.set(key, (await loadPlaybook(db, g.communityId, g.kind)).rules)
    out.push({
      group: groupSummary(g, names),
      status: m.status,
      joinedAt: m.joinedAt ? new Date(m.joinedAt).toISOString() : null,
      qr: codeView(g.code, now, urlOf),
      rules: rulesByKind.get(key)!,
    })
  }
  return { memberships: out }
}
