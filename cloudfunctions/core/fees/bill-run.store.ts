import type { Db } from '@cloudbase/database'
import { randomBytes } from 'node:crypto'
import { isDuplicateKey, must } from '../kernel/db-result'
import { COLLECTIONS } from '../households'
import { loadBuildings } from '../households'
import { EPOCH, FEE_COLLECTIONS, type BillRunDoc, type BillRunFailure } from './fee.model'
import { activeFeeItems } from './fee-items.service'
import { billRunIdFor } from './fee-ids'

/** The lease outlives the work budget by this much, and a function killed at its time limit loses it soon after. */
export const LEASE_MARGIN_MS = 30_000

export async function loadRun(db: Db, communityId: string, period: string): Promise<BillRunDoc | undefined> {
  return (must(await db.collection(FEE_COLLECTIONS.runs).doc(billRunIdFor(communityId, period)).get()).data as BillRunDoc[])[0]
}

/** What a run starts from: today's item definitions and buildings, and how many households there are. */
async function freshState(db: Db, communityId: string, period: string) {
  const items = (await activeFeeItems(db, communityId)).filter((i) => i.kind !== 'one_off' || i.period === period)
  const buildingIds = (await loadBuildings(db, communityId)).map((b) => b._id).sort()
  const { total } = must(await db.collection(COLLECTIONS.households).where({ communityId }).count())
  return {
    items,
    buildingIds,
    total,
    cursor: { building: 0, afterHouseholdId: '' },
    done: 0,
    failed: 0,
    billsCreated: 0,
    billsExisting: 0,
    failures: [] as BillRunFailure[],
    status: (items.length === 0 ? 'done' : 'running') as BillRunDoc['status'],
  }
}

/** The run of a period, created on first use (two creators race into one document: the id is the key). */
export async function ensureRun(db: Db, communityId: string, period: string, now: Date): Promise<BillRunDoc> {
  const existing = await loadRun(db, communityId, period)
  if (existing) return existing
  const state = await freshState(db, communityId, period)
  const doc: BillRunDoc = {
    _id: billRunIdFor(communityId, period),
    communityId,
    period,
    ...state,
    done: state.status === 'done' ? state.total : 0,
    leaseToken: null,
    leaseUntil: EPOCH,
    startedAt: now,
    updatedAt: now,
    finishedAt: state.status === 'done' ? now : null,
  }
  try {
    must(await db.collection(FEE_COLLECTIONS.runs).add(doc))
    return doc
  } catch (e) {
    if (!isDuplicateKey(e)) throw e
    return (await loadRun(db, communityId, period))!
  }
}

/**
 * Re-scan a period from the start with today's items (after importing readings or adding an item).
 * Bills already made stay as they are; only the missing ones get created. Refused while someone holds the run.
 */
export async function restartRun(db: Db, run: BillRunDoc, now: Date): Promise<BillRunDoc | null> {
  const _ = db.command
  const state = await freshState(db, run.communityId, run.period)
  const patch = { ...state, rescan: true, done: state.status === 'done' ? state.total : 0, startedAt: now, updatedAt: now, finishedAt: state.status === 'done' ? now : null }
  const res = must(
    await db
      .collection(FEE_COLLECTIONS.runs)
      .where({ _id: run._id, leaseUntil: _.lte(now) })
      .update({ ...patch, items: _.set(state.items), cursor: _.set(state.cursor), failures: _.set([]) }),
  )
  return res.updated === 1 ? { ...run, ...patch } : null
}

/** Take the run for `ms`; null when another invocation holds it. */
export async function claimLease(db: Db, run: BillRunDoc, now: Date, ms: number): Promise<string | null> {
  const token = randomBytes(8).toString('hex')
  const res = must(
    await db
      .collection(FEE_COLLECTIONS.runs)
      .where({ _id: run._id, leaseUntil: db.command.lte(now) })
      .update({ leaseToken: token, leaseUntil: new Date(now.getTime() + ms) }),
  )
  return res.updated === 1 ? token : null
}

/** Progress of one chunk, written only while we still hold the lease; false means someone took it over. */
export async function saveProgress(db: Db, runId: string, token: string, patch: Record<string, unknown>): Promise<boolean> {
  const res = must(await db.collection(FEE_COLLECTIONS.runs).where({ _id: runId, leaseToken: token }).update(patch))
  return res.updated === 1
}

export async function releaseLease(db: Db, runId: string, token: string): Promise<void> {
  must(await db.collection(FEE_COLLECTIONS.runs).where({ _id: runId, leaseToken: token }).update({ leaseToken: null, leaseUntil: EPOCH }))
}

