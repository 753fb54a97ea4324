import { yuan } from '../kernel/money'
import type { Figure } from '../../contracts/attribution.contract'

const SCOPE_LABEL: Record<Figure['scope'], string> = { community: '小区', steward: '管家', grid: '网格' }

const pct = (r: number) => `${(r * 100).toFixed(2)}%`

/** Columns of the ops report, in order: header and how to print each figure. */
const COLUMNS: [string, (f: Figure) => string | number][] = [
  ['范围', (f) => SCOPE_LABEL[f.scope]],
  ['名称', (f) => f.label],
  ['月份', (f) => f.month],
  ['户数', (f) => f.households],
  ['绑定户数', (f) => f.boundHouseholds],
  ['渗透率', (f) => pct(f.penetration)],
  ['新绑定住户', (f) => f.newBoundResidents],
  ['30天内首单', (f) => f.convertedResidents],
  ['首单转化率', (f) => pct(f.firstOrderConversion)],
  ['订单数', (f) => f.orders],
  ['GMV(元)', (f) => yuan(f.gmvFen)],
  ['退款(元)', (f) => yuan(f.refundFen)],
  ['客单价(元)', (f) => yuan(f.avgOrderFen)],
  ['下单户数', (f) => f.buyers],
  ['次月回购户数', (f) => f.repurchasers],
  ['次月回购率', (f) => pct(f.repurchaseRate)],
  ['维修满意度', (f) => (f.satisfaction === null ? '' : f.satisfaction.toFixed(2))],
  ['评价数', (f) => f.ratings],
  ['佣金计提(元)', (f) => yuan(f.commissionAccruedFen)],
  ['佣金冲回(元)', (f) => yuan(f.commissionReversedFen)],
  ['佣金净额(元)', (f) => yuan(f.commissionNetFen)],
]

/** A cell as Excel reads it safely: quoted when needed, and never a formula (names are user data). */
function cell(v: string | number): string {
  let s = String(v)
  if (/^[=+\-@\t\r]/.test(s) && typeof v === 'string' && !/^-?\d/.test(s)) s = `'${s}`
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** The report as CSV text (UTF-8, header row first) for ops to paste into a spreadsheet. */
export function figuresCsv(rows: Figure[]): string {
  const lines = [COLUMNS.map(([h]) => h).join(',')]
  for (const f of rows) lines.push(COLUMNS.map(([, get]) => cell(get(f))).join(','))
  return `${lines.join('\n')}\n`
}
