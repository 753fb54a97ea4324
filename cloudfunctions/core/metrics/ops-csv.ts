import type { OpsRow } from '../../contracts/ops-dashboard.schemas'
import { cell } from './report-csv'

const SCOPE_LABEL: Record<OpsRow['scope'], string> = { community: '小区', steward: '管家', grid: '网格' }
const yuan = (fen: number) => (fen / 100).toFixed(2)
const pct = (r: number) => `${(r * 100).toFixed(2)}%`
const score = (s: number | null) => (s === null ? '' : s.toFixed(2))

/** The dashboard's columns in the order ops read them: who, fees, repairs, group buying, funnel, commission. */
export const OPS_COLUMNS: [string, (r: OpsRow) => string | number][] = [
  ['范围', (r) => SCOPE_LABEL[r.scope]],
  ['名称', (r) => r.label],
  ['月份', (r) => r.month],
  ['应收(元)', (r) => yuan(r.feeBilledFen)],
  ['已收(元)', (r) => yuan(r.feeCollectedFen)],
  ['收缴率', (r) => `${r.feeRatePct.toFixed(1)}%`],
  ['本月实收(元)', (r) => yuan(r.feePaidFen)],
  ['实收笔数', (r) => r.feePayments],
  ['欠费(元)', (r) => yuan(r.arrearsFen)],
  ['报修量', (r) => r.repairsFiled],
  ['已完成', (r) => r.repairsCompleted],
  ['按时率', (r) => pct(r.onTimeRate)],
  ['投诉', (r) => r.complaints],
  ['满意度', (r) => score(r.satisfaction)],
  ['到场及时', (r) => score(r.satArrival)],
  ['服务态度', (r) => score(r.satAttitude)],
  ['处理过程', (r) => score(r.satProcess)],
  ['文明礼仪', (r) => score(r.satEtiquette)],
  ['团购GMV(元)', (r) => yuan(r.gmvFen)],
  ['订单数', (r) => r.orders],
  ['客单价(元)', (r) => yuan(r.avgOrderFen)],
  ['户数', (r) => r.households],
  ['绑定户数', (r) => r.boundHouseholds],
  ['渗透率', (r) => pct(r.penetration)],
  ['首单转化率', (r) => pct(r.firstOrderConversion)],
  ['次月回购率', (r) => pct(r.repurchaseRate)],
  ['佣金净额(元)', (r) => yuan(r.commissionNetFen)],
]

/** CSV with a UTF-8 BOM so Excel opens the Chinese headers correctly; cells are formula-safe. */
export function opsCsv(rows: OpsRow[]): string {
  const lines = [OPS_COLUMNS.map(([h]) => h).join(',')]
  for (const r of rows) lines.push(OPS_COLUMNS.map(([, get]) => cell(get(r))).join(','))
  return `\uFEFF${lines.join('\r\n')}\r\n`
}
