import type { Db } from '@cloudbase/database'
import type { GroupKind, JoinOutput } from '../../contracts/groups.contract'
import type { Platform } from '../kernel/platform'
import type { CallerAccess } from '../auth'
import { must } from '../kernel/db-result'
import { DomainError } from '../kernel/domain-error'
import { classifyCaller, type Classified } from './classify'
import { loadBuildingNames } from './group-access'
import { urlsFor } from './group-files'
import { groupSummary } from './group-view'
import { GROUP_COLLECTIONS, type GroupDoc, type GroupMemberDoc } from './group.model'
import { mayEnter, PREFERRED_KINDS, refusalReason } from './kind-policy'
import { isCodeShowable } from './lifecycle.rules'
import { memberId } from './membership.service'
import { loadPlaybook } from './playbook.service'
import { explainUnavailable } from './join-unavailable'

/** How many eligible groups one join looks at; a building rarely has more than a handful per kind. */
const CANDIDATE_LIMIT = 100

export function isEligible(g: GroupDoc, now: Date): boolean {
  return g.status === 'active' && g.seatsLeft > 0 && isCodeShowable(g.code, now)
}

/**
 * A verified resident (or registered merchant) asks to join. Classifies them, refuses a kind their
 * identity may not enter (before anything is written), then hands out the live code: the eligible group
 * (right kind, covers their building, not full, code not expired) best for them, rotating across equally
 * good groups by who was handed out least recently. No eligible group → a reason and the steward told.
 */
export async function joinGroup(platform: Platform, access: CallerAccess, input: { householdId?: string; kind?: GroupKind }): Promise<JoinOutput> {
  const db = platform.db
  const now = platform.clock.now()
  const who = await classifyCaller(db, access, input.householdId)
  if (input.kind && !mayEnter(who.identity, input.kind)) throw new DomainError('GROUP.KIND_NOT_ALLOWED', refusalReason(who.identity, input.kind))
  const kinds = input.kind ? [input.kind] : [...PREFERRED_KINDS[who.identity]]

  const { existing, mine } = await currentGroup(db, access.openid, who.communityId, kinds, now)
  const picked = existing?.group ?? pickBest(await findEligible(db, who, kinds, now), who, kinds)
  if (!picked) return explainUnavailable(platform, who, kinds, now)

  if (!existing) {
    const _ = db.command
    must(await db.collection(GROUP_COLLECTIONS.groups).doc(picked._id).update({ lastPickedAt: now }))
    // A code handed out earlier for another group of these kinds is superseded by this one.
    const stale = mine.filter((m) => m.status === 'assigned' && m.groupId !== picked._id).map((m) => m._id)
    if (stale.length > 0) must(await db.collection(GROUP_COLLECTIONS.members).where({ _id: _.in(stale), status: 'assigned' }).remove())
    const member: Omit<GroupMemberDoc, '_id'> = {
      groupId: picked._id,
      communityId: picked.communityId,
      kind: picked.kind,
      openid: access.openid,
      householdId: who.householdId,
      identity: who.identity,
      status: 'assigned',
      assignedAt: now,
      joinedAt: null,
      entries: 0,
      lastEnteredAt: null,
      lastActiveAt: now,
    }
    must(await db.collection(GROUP_COLLECTIONS.members).doc(memberId(picked._id, access.openid)).set(member))
  }

  const code = isCodeShowable(picked.code, now) ? picked.code : null
  const [playbook, names, urlOf] = await Promise.all([
    loadPlaybook(db, picked.communityId, picked.kind),
    loadBuildingNames(db, picked.buildingIds),
    urlsFor(platform, code ? [code.fileId] : []),
  ])
  return {
    outcome: 'assigned',
    identity: who.identity,
    group: groupSummary(picked, names),
    qr: code ? { fileId: code.fileId, url: urlOf(code.fileId), expiresAt: new Date(code.expiresAt).toISOString() } : null,
    welcome: playbook.welcome,
    rules: playbook.rules,
    alreadyAssigned: !!existing,
    joined: existing?.status === 'joined',
  }
}

/** The group this person already holds for these kinds, if it is still worth showing (joined, or code still live). */
async function currentGroup(db: Db, openid: string, communityId: string, kinds: GroupKind[], now: Date) {
  const _ = db.command
  const mine = must(await db.collection(GROUP_COLLECTIONS.members).where({ openid, communityId, kind: _.in(kinds) }).limit(20).get()).data as GroupMemberDoc[]
  if (mine.length === 0) return { existing: null, mine }
  const groups = must(await db.collection(GROUP_COLLECTIONS.groups).where({ _id: _.in(mine.map((m) => m.groupId)) }).limit(20).get()).data as GroupDoc[]
  const byId = new Map(groups.map((g) => [g._id, g]))
  // Someone already in a group keeps it (its code is shown only while live); a code handed out earlier
  // is handed out again only while that group is still eligible, otherwise the rotation picks anew.
  for (const status of ['joined', 'assigned'] as const) {
    for (const m of mine.filter((x) => x.status === status)) {
      const g = byId.get(m.groupId)
      if (g && g.status === 'active' && (status === 'joined' || isEligible(g, now))) return { existing: { group: g, status }, mine }
    }
  }
  return { existing: null, mine }
}

/** One indexed query: right community and kinds, open seats, live code, covering the building. */
async function findEligible(db: Db, who: Classified, kinds: GroupKind[], now: Date): Promise<GroupDoc[]> {
  const _ = db.command
  const base = { communityId: who.communityId, kind: _.in(kinds), status: 'active', seatsLeft: _.gt(0), 'code.expiresAt': _.gt(now) }
  const where = who.buildingId ? _.and([base, _.or([{ allBuildings: true }, { buildingIds: who.buildingId }])]) : base
  const res = must(await db.collection(GROUP_COLLECTIONS.groups).where(where).orderBy('lastPickedAt', 'asc').limit(CANDIDATE_LIMIT).get())
  return (res.data as GroupDoc[]).filter((g) => isEligible(g, now))
}

/** Preferred kind first, then a group for the building before a community-wide one, then rotation order. */
export function pickBest(candidates: GroupDoc[], who: Classified, kinds: GroupKind[]): GroupDoc | null {
  const rank = (g: GroupDoc) => kinds.indexOf(g.kind) * 2 + (who.buildingId && g.buildingIds.includes(who.buildingId) ? 0 : 1)
  let best: GroupDoc | null = null
  for (const g of candidates) {
    if (!best || rank(g) < rank(best) || (rank(g) === rank(best) && new Date(g.lastPickedAt).getTime() < new Date(best.lastPickedAt).getTime())) best = g
  }
  return best
}
