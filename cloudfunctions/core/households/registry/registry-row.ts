import { normalizePhone } from '../phone'

/** A registry line that passed every check, in canonical form. */
export interface RegistryRow {
  line: number
  building: string
  unit: string
  room: string
  areaM2: number
  ownerName: string
  /** Normalised 11 digits; hashed before anything is stored and never echoed. */
  phone: string
}

export interface RejectedRow {
  line: number
  reason: string
}

export const REGISTRY_COLUMNS = '楼栋,单元,房号,面积,业主姓名,业主手机'

const toHalfWidth = (s: string) => s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ')

/** "3栋" "3幢" "3号楼" "03" "A座" → "3栋" / "A栋": one spelling per building, whatever the sheet used. */
export function normalizeBuilding(raw: string): string | null {
  const m = /^(\d{1,3}|[A-Za-z])\s*(栋|幢|号楼|号|座|楼)?$/.exec(toHalfWidth(raw).trim())
  if (!m) return null
  const id = /\d/.test(m[1]) ? String(Number(m[1])) : m[1].toUpperCase()
  return id === '0' ? null : `${id}栋`
}

export function normalizeUnit(raw: string): string | null {
  const m = /^(\d{1,2})\s*(单元)?$/.exec(toHalfWidth(raw).trim())
  return m && Number(m[1]) > 0 ? `${Number(m[1])}单元` : null
}

export function normalizeRoom(raw: string): string | null {
  const room = toHalfWidth(raw).trim().replace(/(室|号)$/, '').toUpperCase()
  return /^[A-Z0-9-]{1,10}$/.test(room) ? room : null
}

function parseArea(raw: string): number | null {
  const text = toHalfWidth(raw).trim().replace(/(㎡|m2|平方米|平米)$/i, '')
  if (!/^\d{1,5}(\.\d{1,2})?$/.test(text)) return null
  const n = Number(text)
  return n > 0 && n <= 10_000 ? n : null
}

/** Checks one CSV record; reasons are Chinese, name the column, and never repeat a phone number. */
export function checkRow(line: number, fields: string[]): RegistryRow | RejectedRow {
  if (fields.length < 6) return { line, reason: `列数不足：需要 ${REGISTRY_COLUMNS} 共 6 列` }
  const [b, u, r, a, n, p] = fields.map((f) => f.trim())
  if (!b) return { line, reason: '缺少楼栋' }
  const building = normalizeBuilding(b)
  if (!building) return { line, reason: `无法识别的楼栋格式「${b.slice(0, 20)}」，应如「3栋」「3号楼」「A座」` }
  if (!u) return { line, reason: '缺少单元' }
  const unit = normalizeUnit(u)
  if (!unit) return { line, reason: `无法识别的单元格式「${u.slice(0, 20)}」，应如「2单元」「2」` }
  if (!r) return { line, reason: '缺少房号' }
  const room = normalizeRoom(r)
  if (!room) return { line, reason: `房号格式不正确「${r.slice(0, 20)}」，应为字母数字如「1202」` }
  if (!a) return { line, reason: '缺少面积' }
  const areaM2 = parseArea(a)
  if (areaM2 === null) return { line, reason: '面积不是有效数字（应为 0–10000 的数字，最多两位小数）' }
  const ownerName = n.replace(/\s+/g, ' ')
  if (!ownerName) return { line, reason: '缺少业主姓名' }
  if ([...ownerName].length > 30) return { line, reason: '业主姓名过长（最多 30 字）' }
  if (!p) return { line, reason: '缺少业主手机号' }
  const phone = normalizePhone(toHalfWidth(p))
  if (!phone) return { line, reason: '业主手机号格式不正确（应为 11 位大陆手机号）' }
  return { line, building, unit, room, areaM2, ownerName, phone }
}

export function isRejected(r: RegistryRow | RejectedRow): r is RejectedRow {
  return 'reason' in r
}

export const roomKey = (r: { building: string; unit: string; room: string }) => `${r.building}|${r.unit}|${r.room}`
