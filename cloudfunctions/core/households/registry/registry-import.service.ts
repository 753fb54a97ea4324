import type { Db } from '@cloudbase/database'
import { MAX_IMPORT_ROWS } from '../../../contracts/ops-households.schemas'
import { isDuplicateKey, must } from '../../kernel/db-result'
import { DomainError } from '../../kernel/domain-error'
import { COLLECTIONS } from '../registry-collections'
import type { BuildingDoc, HouseholdDoc } from '../household.model'
import { householdError } from '../household-errors'
import { buildingIdFor, householdIdFor } from '../ids'
import { hashPhone } from '../phone'
import { checkRegistryFile } from './registry-file'
import { loadBuildings, loadHouseholds, type ExistingHousehold } from './registry-load'
import { roomKey, type RejectedRow } from './registry-row'

export interface ImportRequest {
  communityId: string
  csv: string
  dryRun: boolean
  now: Date
  pepper: string
}

export interface ImportSummary {
  communityId: string
  dryRun: boolean
  rows: number
  created: number
  updated: number
  unchanged: number
  buildingsCreated: number
  rejected: RejectedRow[]
}

type Patch = Pick<HouseholdDoc, 'areaM2' | 'ownerName' | 'ownerPhoneHash' | 'ownerPhoneLast4' | 'updatedAt'>
const BATCH = 1000
const UPDATE_CONCURRENCY = 16

const samePatch = (h: Pick<ExistingHousehold, 'areaM2' | 'ownerName' | 'ownerPhoneHash'>, p: Patch) =>
  h.areaM2 === p.areaM2 && h.ownerName === p.ownerName && h.ownerPhoneHash === p.ownerPhoneHash

/**
 * Idempotent upsert of a community's registry. All reads happen first (buildings once, households in
 * pages of 1000), the plan is made in memory, then new rows go in batches of ≤1000 and changed rows are
 * updated by id. Re-importing the same file writes nothing. Members, owner claims and other fields of a
 * household are never touched: the registry only owns area, owner name and owner phone.
 */
export async function importRegistry(db: Db, req: ImportRequest): Promise<ImportSummary> {
  const { communityId, now } = req
  const community = must(await db.collection(COLLECTIONS.communities).doc(communityId).get()).data as unknown[]
  if (community.length === 0) throw householdError('COMMUNITY.NOT_FOUND')
  const file = checkRegistryFile(req.csv)
  if (file.total > MAX_IMPORT_ROWS) throw new DomainError('VALIDATION.FAILED', `一次最多导入 ${MAX_IMPORT_ROWS} 行，请按楼栋拆分后分批导入`)

  const [buildings, existing] = await Promise.all([loadBuildings(db, communityId), loadHouseholds(db, communityId)])
  const buildingIdByName = new Map(buildings.map((b) => [b.name, b._id]))
  const newBuildings: BuildingDoc[] = []
  const byKey = new Map(existing.map((h) => [roomKey(h), h]))
  const creates: HouseholdDoc[] = []
  const updates: { id: string; patch: Patch }[] = []
  let unchanged = 0

  for (const row of file.rows) {
    let buildingId = buildingIdByName.get(row.building)
    if (!buildingId) {
      buildingId = buildingIdFor(communityId, row.building)
      buildingIdByName.set(row.building, buildingId)
      newBuildings.push({ _id: buildingId, communityId, name: row.building })
    }
    const patch: Patch = { areaM2: row.areaM2, ownerName: row.ownerName, ownerPhoneHash: hashPhone(row.phone, req.pepper), ownerPhoneLast4: row.phone.slice(-4), updatedAt: now }
    const current = byKey.get(roomKey(row))
    if (!current) {
      const { building, unit, room } = row
      creates.push({ _id: householdIdFor(communityId, building, unit, room), communityId, buildingId, building, unit, room, ...patch })
    } else if (samePatch(current, patch)) unchanged++
    else updates.push({ id: current._id, patch })
  }

  const summary: ImportSummary = {
    communityId,
    dryRun: req.dryRun,
    rows: file.total,
    created: creates.length,
    updated: updates.length,
    unchanged,
    buildingsCreated: newBuildings.length,
    rejected: file.rejected,
  }
  if (req.dryRun) return summary

  await insertBatches(db, COLLECTIONS.buildings, newBuildings, async () => 'unchanged')
  // A concurrent import of the same file may have inserted some of our new rows first (same derived ids):
  // those become updates or no-ops, and the counts say so.
  const collided = { updated: 0, unchanged: 0 }
  await insertBatches(db, COLLECTIONS.households, creates, async (doc) => {
    const stored = (must(await db.collection(COLLECTIONS.households).doc(doc._id).get()).data as HouseholdDoc[])[0]
    const { ownerPhoneHash, ownerPhoneLast4, areaM2, ownerName, updatedAt } = doc
    const patch = { ownerPhoneHash, ownerPhoneLast4, areaM2, ownerName, updatedAt }
    if (stored && samePatch(stored, patch)) return void collided.unchanged++
    must(await db.collection(COLLECTIONS.households).doc(doc._id).update(patch))
    collided.updated++
  })
  await inParallel(updates, UPDATE_CONCURRENCY, async (u) => {
    must(await db.collection(COLLECTIONS.households).doc(u.id).update(u.patch))
  })
  const lost = collided.updated + collided.unchanged
  return { ...summary, created: summary.created - lost, updated: summary.updated + collided.updated, unchanged: summary.unchanged + collided.unchanged }
}

/** Batches of ≤1000; if a batch hits an existing _id, its documents go one by one and `onExisting` decides. */
async function insertBatches<T extends { _id: string }>(db: Db, collection: string, docs: T[], onExisting: (doc: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < docs.length; i += BATCH) {
    const batch = docs.slice(i, i + BATCH)
    try {
      must(await db.collection(collection).add(batch))
    } catch (e) {
      if (!isDuplicateKey(e)) throw e
      for (const doc of batch) {
        try {
          must(await db.collection(collection).add(doc))
        } catch (err) {
          if (!isDuplicateKey(err)) throw err
          await onExisting(doc)
        }
      }
    }
  }
}

async function inParallel<T>(items: T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const lanes = Array.from({ length: Math.min(width, items.length) }, async () => {
    while (next < items.length) await work(items[next++])
  })
  await Promise.all(lanes)
}
