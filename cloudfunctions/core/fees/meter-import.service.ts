import type { Db } from '@cloudbase/database'
import { FEE_ERROR_MESSAGES } from '../../contracts/errors/fees'
import { isDuplicateKey, must } from '../kernel/db-result'
import { DomainError } from '../kernel/domain-error'
import { parseCsv } from '../households'
import { loadHouseholds } from '../households'
import { normalizeBuilding, normalizeRoom, normalizeUnit } from '../households'
import { FEE_COLLECTIONS, type MeterReadingDoc } from './fee.model'
import { billIdFor, readingIdFor } from './fee-ids'
import { feeItemByCode } from './fee-items.service'

export interface MeterImportInput {
  communityId: string
  code: string
  period: string
  csv: string
  dryRun: boolean
  now: Date
}

export interface MeterImportSummary {
  rows: number
  imported: number
  unchanged: number
  dryRun: boolean
  rejected: { line: number; reason: string }[]
}

const READING_RE = /^\d{1,9}(\.\d{1,2})?$/

/** The same spellings the registry import accepts ("3号楼", "2", "1202室"), falling back to the text as written. */
const roomKey = (building: string, unit: string, room: string) =>
  `${normalizeBuilding(building) ?? building.trim()}|${normalizeUnit(unit) ?? unit.trim()}|${normalizeRoom(room) ?? room.trim()}`

async function existingIds(db: Db, collection: string, ids: string[]): Promise<Set<string>> {
  const _ = db.command
  const found = new Set<string>()
  for (let i = 0; i < ids.length; i += 500) {
    const docs = must(await db.collection(collection).where({ _id: _.in(ids.slice(i, i + 500)) }).limit(500).get()).data as { _id: string }[]
    for (const d of docs) found.add(d._id)
  }
  return found
}

/**
 * Readings of a metered item for one period (CSV: 楼栋, 单元, 房号, 上期读数, 本期读数; an optional header).
 * Every row is checked first; bad rows come back with their line and reason and the good ones are saved.
 * Re-importing the same file changes nothing; a reading whose bill has already been made cannot change.
 */
export async function importMeterReadings(db: Db, input: MeterImportInput): Promise<MeterImportSummary> {
  const item = await feeItemByCode(db, input.communityId, input.code)
  if (item.kind !== 'metered') throw new DomainError('FEE.BAD_ITEM', `${FEE_ERROR_MESSAGES['FEE.BAD_ITEM']}：只有按读数收费的项目可以导入读数`)
  const households = await loadHouseholds(db, input.communityId)
  const byRoom = new Map(households.map((h) => [roomKey(h.building, h.unit, h.room), h]))
  const rejected: MeterImportSummary['rejected'] = []
  const seen = new Set<string>()
  const candidates: MeterReadingDoc[] = []
  const lineOf = new Map<string, number>()
  const records = parseCsv(input.csv)
  let rows = 0
  for (const [index, rec] of records.entries()) {
    const f = rec.fields.map((x) => x.trim())
    if (index === 0 && !READING_RE.test(f[3] ?? '')) continue // header
    rows++
    if (f.length < 5) {
      rejected.push({ line: rec.line, reason: '列数不足：楼栋,单元,房号,上期读数,本期读数' })
      continue
    }
    const household = byRoom.get(roomKey(f[0], f[1], f[2]))
    if (!household) {
      rejected.push({ line: rec.line, reason: `找不到房屋 ${f[0]}${f[1]}${f[2]}` })
      continue
    }
    if (!READING_RE.test(f[3]) || !READING_RE.test(f[4])) {
      rejected.push({ line: rec.line, reason: '读数须为非负数，最多两位小数' })
      continue
    }
    const previous = Number(f[3])
    const current = Number(f[4])
    if (current < previous) {
      rejected.push({ line: rec.line, reason: '本期读数小于上期读数' })
      continue
    }
    if (seen.has(household._id)) {
      rejected.push({ line: rec.line, reason: '同一房屋重复出现' })
      continue
    }
    seen.add(household._id)
    lineOf.set(household._id, rec.line)
    candidates.push({
      _id: readingIdFor(item._id, household._id, input.period),
      communityId: input.communityId,
      itemId: item._id,
      householdId: household._id,
      period: input.period,
      previous,
      current,
      usage: Math.round((current - previous) * 100) / 100,
      importedAt: input.now,
    })
  }

  const existing = new Map<string, MeterReadingDoc>()
  const _ = db.command
  for (let i = 0; i < candidates.length; i += 500) {
    const ids = candidates.slice(i, i + 500).map((c) => c._id)
    const docs = must(await db.collection(FEE_COLLECTIONS.readings).where({ _id: _.in(ids) }).limit(500).get()).data as MeterReadingDoc[]
    for (const d of docs) existing.set(d._id, d)
  }
  const billed = await existingIds(db, FEE_COLLECTIONS.bills, candidates.map((c) => billIdFor(c.householdId, item._id, input.period)))
  const toInsert: MeterReadingDoc[] = []
  const toReplace: MeterReadingDoc[] = []
  let unchanged = 0
  for (const c of candidates) {
    const old = existing.get(c._id)
    if (old && old.previous === c.previous && old.current === c.current) {
      unchanged++
      continue
    }
    if (billed.has(billIdFor(c.householdId, item._id, input.period))) {
      rejected.push({ line: lineOf.get(c.householdId) ?? 0, reason: '本期账单已生成，读数不能再修改' })
      continue
    }
    ;(old ? toReplace : toInsert).push(c)
  }
  rejected.sort((a, b) => a.line - b.line)
  if (!input.dryRun) {
    const coll = db.collection(FEE_COLLECTIONS.readings)
    for (let i = 0; i < toInsert.length; i += 500) {
      const batch = toInsert.slice(i, i + 500)
      try {
        must(await coll.add(batch))
      } catch (e) {
        // A concurrent import of the same file got there first: fall back to per-reading upserts.
        if (!isDuplicateKey(e)) throw e
        for (const { _id, ...rest } of batch) must(await coll.doc(_id).set(rest))
      }
    }
    for (const { _id, ...rest } of toReplace) must(await coll.doc(_id).set(rest))
  }
  return { rows, imported: toInsert.length + toReplace.length, unchanged, dryRun: input.dryRun, rejected }
}
