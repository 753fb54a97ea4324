import type { Db } from '@cloudbase/database'
import { must } from '../kernel/db-result'
import { COLLECTIONS } from './registry-collections'
import type { CommunityDoc, NoticeDoc } from './household.model'

/** Newest first, pinned on top; a community rarely has more than a screenful of live notices. */
export async function listNotices(db: Db, communityId: string) {
  const [communityRes, noticeRes] = await Promise.all([
    db.collection(COLLECTIONS.communities).doc(communityId).get(),
    db.collection(COLLECTIONS.notices).where({ communityId }).orderBy('pinned', 'desc').orderBy('publishedAt', 'desc').limit(20).get(),
  ])
  const community = (must(communityRes).data as CommunityDoc[])[0]
  if (!community) return { community: null, notices: [] }
  const notices = (must(noticeRes).data as NoticeDoc[]).map((n) => ({
    id: n._id,
    title: n.title,
    body: n.body,
    pinned: !!n.pinned,
    publishedAt: new Date(n.publishedAt).toISOString(),
  }))
  return { community: { id: community._id, name: community.name }, notices }
}
