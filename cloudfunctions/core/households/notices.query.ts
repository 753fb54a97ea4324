import type { Db } from '@cloudbase/database'
import { must } from '../kernel/db-result'
import { COLLECTIONS } from './registry-collections'
import { householdError } from './household-errors'
import type { BuildingDoc, CommunityDoc, HouseholdDoc, NoticeDoc } from './household.model'

/** How far back the notice history goes: a community posts a few a week, so this is months of history. */
const HISTORY_WINDOW = 100

/** Who is reading: staff of the community see every notice; a resident sees community-wide ones and their buildings'. */
export type NoticeAudience = { communityId: string; buildingIds: string[] | 'all'; now: Date }

/** A notice stays on top only until its pinnedUntil (an outage notice is pinned until the outage is over). */
export const isPinned = (n: NoticeDoc, now: Date) => !!n.pinned && (!n.pinnedUntil || new Date(n.pinnedUntil) > now)
const inScope = (n: NoticeDoc, buildingIds: string[] | 'all') => !n.buildingIds?.length || buildingIds === 'all' || n.buildingIds.some((b) => buildingIds.includes(b))

async function scopeLabels(db: Db, notices: NoticeDoc[]): Promise<Map<string, string>> {
  const ids = [...new Set(notices.flatMap((n) => n.buildingIds ?? []))]
  if (ids.length === 0) return new Map()
  const _ = db.command
  const rows = must(await db.collection(COLLECTIONS.buildings).where({ _id: _.in(ids) }).limit(ids.length).get()).data as BuildingDoc[]
  return new Map(rows.map((b) => [b._id, b.name]))
}

function view(n: NoticeDoc, now: Date, names: Map<string, string>) {
  return {
    id: n._id,
    title: n.title,
    body: n.body,
    pinned: isPinned(n, now),
    publishedAt: new Date(n.publishedAt).toISOString(),
    scope: n.buildingIds?.length ? n.buildingIds.map((b) => names.get(b) ?? b).join('、') : null,
  }
}

/**
 * The notices a reader may see, pinned (and still pinned) first, then newest first; `offset`/`limit`
 * page through the history. The newest HISTORY_WINDOW of the community are read (index communityId,
 * publishedAt) and filtered by building, so the cost does not grow with years of notices.
 */
export async function listNotices(db: Db, a: NoticeAudience, offset = 0, limit = 20) {
  const [communityRes, noticeRes] = await Promise.all([
    db.collection(COLLECTIONS.communities).doc(a.communityId).get(),
    db.collection(COLLECTIONS.notices).where({ communityId: a.communityId }).orderBy('publishedAt', 'desc').limit(HISTORY_WINDOW).get(),
  ])
  const community = (must(communityRes).data as CommunityDoc[])[0]
  if (!community) return { community: null, items: [], hasMore: false }
  const visible = (must(noticeRes).data as NoticeDoc[]).filter((n) => inScope(n, a.buildingIds))
  const ordered = [...visible.filter((n) => isPinned(n, a.now)), ...visible.filter((n) => !isPinned(n, a.now))]
  const page = ordered.slice(offset, offset + limit)
  const names = await scopeLabels(db, page)
  return { community: { id: community._id, name: community.name }, items: page.map((n) => view(n, a.now, names)), hasMore: ordered.length > offset + limit }
}

/** One notice for its detail page; a notice of another building or community is NOT_FOUND (ids cannot be probed). */
export async function getNotice(db: Db, audienceOf: (communityId: string) => Promise<NoticeAudience | null>, id: string) {
  const n = (must(await db.collection(COLLECTIONS.notices).doc(id).get()).data as NoticeDoc[])[0]
  const a = n ? await audienceOf(n.communityId) : null
  if (!n || !a || !inScope(n, a.buildingIds)) throw householdError('NOTICE.NOT_FOUND')
  return { notice: view(n, a.now, await scopeLabels(db, [n])) }
}

/** The buildings of a resident's active households in one community. */
export async function buildingsOf(db: Db, householdIds: string[]): Promise<string[]> {
  if (householdIds.length === 0) return []
  const _ = db.command
  const rows = must(await db.collection(COLLECTIONS.households).where({ _id: _.in(householdIds) }).limit(householdIds.length).get()).data as HouseholdDoc[]
  return [...new Set(rows.map((h) => h.buildingId))]
}
