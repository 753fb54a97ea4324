import type { Platform } from '../kernel/platform'
import { must } from '../kernel/db-result'
import { businessDate } from '../kernel/business-time'
import { HOUSEHOLD_ITEMS_COLLECTION } from './household-items'
import { INTEREST_COLLECTIONS, type DirtyDoc } from './interest.model'
import { loadCommunitySimilarities, recomputeHousehold, recomputeHouseholds } from './interest.service'
import { loadProfileSettings } from './profile-settings'
import { rebuildSimilarity } from './similarity.service'
import { tagsOf } from './tag-catalog'

const PAGE = 200

/** Where the day's run of one community got to; the timer resumes from `cursor` after a crash or timeout. */
interface InterestJobDoc {
  _id: string
  communityId: string
  day: string
  phase: 'recompute' | 'done'
  cursor: string
  households: number
  updatedAt: Date
}

export interface InterestTimerResult {
  dirty: number
  communities: { communityId: string; phase: string; households: number }[]
  dbCalls: number
  finished: boolean
}

async function communitiesWithPurchases(platform: Platform): Promise<string[]> {
  const res = must(
    await platform.db.collection(HOUSEHOLD_ITEMS_COLLECTION).aggregate().group({ _id: '$communityId' }).limit(1000).end(),
  ) as { data: { _id: string }[] }
  return res.data.map((r) => r._id).sort()
}

/**
 * The interest timer (hourly, and it may be invoked again at once while `finished` is false):
 * 1. households marked dirty (an inline recompute failed) are recomputed and unmarked;
 * 2. once per business day and community: the similarity rows are rebuilt, then every household with
 *    purchases is recomputed against them, PAGE at a time, the cursor saved after each page — a crash or
 *    a timeout resumes after the last finished page, and recomputing a household twice changes nothing.
 *    Each page is one batch (recomputeHouseholds): its households' interactions, scores and tags are read
 *    a hundred households per query, not one query per household.
 * `deadlineMs` is the wall-clock budget (CloudBase functions time out); the run stops between pages.
 */
export async function runInterestTimer(platform: Platform, options: { deadlineMs?: number } = {}): Promise<InterestTimerResult> {
  const started = Date.now()
  const outOfTime = () => options.deadlineMs !== undefined && Date.now() - started > options.deadlineMs
  const db = platform.db
  const _ = db.command
  let dbCalls = 1
  const dirty = must(await db.collection(INTEREST_COLLECTIONS.dirty).orderBy('at', 'asc').limit(100).get()).data as DirtyDoc[]
  for (const d of dirty) {
    const r = await recomputeHousehold(platform, d._id)
    dbCalls += r.dbCalls + 1
    // Only the mark this run saw: a failure marked again meanwhile stays for the next run.
    must(await db.collection(INTEREST_COLLECTIONS.dirty).where({ _id: d._id, at: _.lte(new Date(d.at)) }).remove())
  }
  const day = businessDate(platform.clock.now())
  const out: InterestTimerResult['communities'] = []
  dbCalls++
  for (const communityId of await communitiesWithPurchases(platform)) {
    if (outOfTime()) return { dirty: dirty.length, communities: out, dbCalls, finished: false }
    const jobId = `interest:${communityId}`
    dbCalls++
    let job = (must(await db.collection(INTEREST_COLLECTIONS.jobs).doc(jobId).get()).data as InterestJobDoc[])[0]
    if (!job || job.day !== day) {
      const built = await rebuildSimilarity(platform, communityId)
      dbCalls += built.dbCalls
      job = { _id: jobId, communityId, day, phase: 'recompute', cursor: '', households: 0, updatedAt: platform.clock.now() }
      dbCalls++
      const { _id: _ignored, ...fields } = job
      must(await db.collection(INTEREST_COLLECTIONS.jobs).doc(jobId).set(fields))
    }
    if (job.phase === 'done') {
      out.push({ communityId, phase: 'done', households: job.households })
      continue
    }
    const settings = await loadProfileSettings(db, communityId)
    const tags = await tagsOf(db, communityId)
    dbCalls++
    const { sims, dbCalls: simCalls } = await loadCommunitySimilarities(platform, communityId)
    dbCalls += simCalls + 1
    for (;;) {
      if (outOfTime()) {
        out.push({ communityId, phase: job.phase, households: job.households })
        return { dirty: dirty.length, communities: out, dbCalls, finished: false }
      }
      dbCalls++
      const page = must(
        await db.collection(HOUSEHOLD_ITEMS_COLLECTION).where({ communityId, _id: _.gt(job.cursor) }).orderBy('_id', 'asc').field({ _id: true }).limit(PAGE).get(),
      ).data as { _id: string }[]
      dbCalls += (await recomputeHouseholds(platform, communityId, page.map((h) => h._id), { settings, sims, tags })).dbCalls
      const cursor = page.length ? page[page.length - 1]._id : job.cursor
      const phase = page.length < PAGE ? 'done' : 'recompute'
      job = { ...job, cursor, phase, households: job.households + page.length, updatedAt: platform.clock.now() }
      dbCalls++
      must(await db.collection(INTEREST_COLLECTIONS.jobs).doc(jobId).update({ cursor, phase, households: job.households, updatedAt: job.updatedAt }))
      if (phase === 'done') break
    }
    out.push({ communityId, phase: job.phase, households: job.households })
  }
  return { dirty: dirty.length, communities: out, dbCalls, finished: true }
}
