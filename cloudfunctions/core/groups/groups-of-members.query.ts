import type { Db } from '@cloudbase/database'
import { must } from '../kernel/db-result'
import { GROUP_COLLECTIONS, type GroupDoc, type GroupMemberDoc } from './group.model'

const CHUNK = 100

/**
 * The community's chat groups that the given people are in (joined), with how many of them each holds:
 * where a steward should post a card so it reaches them (targeted pushes of the profiles area).
 */
export async function groupsOfMembers(db: Db, communityId: string, openids: readonly string[]): Promise<{ groupId: string; name: string; members: number }[]> {
  const _ = db.command
  const counts = new Map<string, number>()
  for (let i = 0; i < openids.length; i += CHUNK) {
    const rows = must(
      await db
        .collection(GROUP_COLLECTIONS.members)
        .where({ openid: _.in(openids.slice(i, i + CHUNK)), status: 'joined', communityId })
        .field({ groupId: true })
        .limit(1000)
        .get(),
    ).data as Pick<GroupMemberDoc, 'groupId'>[]
    for (const r of rows) counts.set(r.groupId, (counts.get(r.groupId) ?? 0) + 1)
  }
  const ids = [...counts.keys()]
  if (ids.length === 0) return []
  const groups = must(await db.collection(GROUP_COLLECTIONS.groups).where({ _id: _.in(ids) }).field({ name: true }).limit(1000).get()).data as Pick<GroupDoc, '_id' | 'name'>[]
  return groups.map((g) => ({ groupId: g._id, name: g.name, members: counts.get(g._id) ?? 0 })).sort((a, b) => b.members - a.members)
}
