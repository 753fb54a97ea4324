import { parseCsv } from './csv'
import { checkRow, isRejected, roomKey, type RegistryRow, type RejectedRow } from './registry-row'

export interface CheckedFile {
  rows: RegistryRow[]
  rejected: RejectedRow[]
  /** Data lines seen (header and blank lines excluded). */
  total: number
}

const HEADER = /楼栋|楼号|building/i

/**
 * Every data line either becomes a row or a rejection with its line number. A room that appears twice in
 * one file is rejected on every line it appears: the file contradicts itself and we cannot know which
 * line is right, so neither is imported and ops see both.
 */
export function checkRegistryFile(csv: string): CheckedFile {
  const records = parseCsv(csv)
  if (records.length > 0 && HEADER.test(records[0].fields[0] ?? '')) records.shift()
  const rows: RegistryRow[] = []
  const rejected: RejectedRow[] = []
  for (const rec of records) {
    const checked = checkRow(rec.line, rec.fields)
    if (isRejected(checked)) rejected.push(checked)
    else rows.push(checked)
  }
  const linesByKey = new Map<string, number[]>()
  for (const row of rows) {
    const key = roomKey(row)
    linesByKey.set(key, [...(linesByKey.get(key) ?? []), row.line])
  }
  const unique: RegistryRow[] = []
  for (const row of rows) {
    const lines = linesByKey.get(roomKey(row))!
    if (lines.length === 1) unique.push(row)
    else rejected.push({ line: row.line, reason: `同一文件中房屋重复：第 ${lines.join('、')} 行都是 ${row.building}${row.unit}${row.room}` })
  }
  rejected.sort((a, b) => a.line - b.line)
  return { rows: unique, rejected, total: records.length }
}
