import type { Db } from '@cloudbase/database'
import { must } from '../kernel/db-result'
import { COLLECTIONS } from './registry-collections'
import { householdError } from './household-errors'
import type { CommunityDoc } from './household.model'

export async function requireCommunity(db: Db, communityId: string): Promise<CommunityDoc> {
  const c = (must(await db.collection(COLLECTIONS.communities).doc(communityId).get()).data as CommunityDoc[])[0]
  if (!c) throw householdError('COMMUNITY.NOT_FOUND')
  return c
}

/** Creates the community or renames it; the id is chosen by ops and never changes. */
export async function upsertCommunity(db: Db, req: { communityId: string; name: string; city?: string; now: Date }) {
  const current = (must(await db.collection(COLLECTIONS.communities).doc(req.communityId).get()).data as CommunityDoc[])[0]
  if (current) {
    must(await db.collection(COLLECTIONS.communities).doc(req.communityId).update({ name: req.name, ...(req.city ? { city: req.city } : {}) }))
    return { communityId: req.communityId, created: false }
  }
  must(await db.collection(COLLECTIONS.communities).doc(req.communityId).set({ name: req.name, city: req.city ?? null, createdAt: req.now }))
  return { communityId: req.communityId, created: true }
}
