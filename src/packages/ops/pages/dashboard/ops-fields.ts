import type { OpsRow } from '@contracts/ops-dashboard.schemas'
import { FIGURE_FIELDS, pct, yuan } from '../../../steward/pages/dashboard/figure-format'

export interface OpsField {
  key: string
  label: string
  show: (r: OpsRow) => string
  /** Which area the column belongs to (its header is tinted by area). */
  area: 'fees' | 'repairs' | 'sales'
}

const score = (s: number | null) => (s === null ? '—' : s.toFixed(2))

/** Fees and repairs first (what residents judge the property by), then every sales/funnel figure as the steward dashboard prints it. */
export const OPS_FIELDS: OpsField[] = [
  { key: 'feeRatePct', label: '收缴率', area: 'fees', show: (r) => `${r.feeRatePct.toFixed(1)}%` },
  { key: 'feeCollectedFen', label: '本月账单已收', area: 'fees', show: (r) => yuan(r.feeCollectedFen) },
  { key: 'feeBilledFen', label: '本月应收', area: 'fees', show: (r) => yuan(r.feeBilledFen) },
  { key: 'feePaidFen', label: '本月实收', area: 'fees', show: (r) => yuan(r.feePaidFen) },
  { key: 'arrearsFen', label: '欠费', area: 'fees', show: (r) => yuan(r.arrearsFen) },
  { key: 'repairsFiled', label: '报修量', area: 'repairs', show: (r) => String(r.repairsFiled) },
  { key: 'repairsCompleted', label: '已完成', area: 'repairs', show: (r) => String(r.repairsCompleted) },
  { key: 'onTimeRate', label: '按时率', area: 'repairs', show: (r) => (r.repairsFiled === 0 ? '—' : pct(r.onTimeRate)) },
  { key: 'complaints', label: '投诉', area: 'repairs', show: (r) => String(r.complaints) },
  { key: 'satArrival', label: '到场及时', area: 'repairs', show: (r) => score(r.satArrival) },
  { key: 'satAttitude', label: '服务态度', area: 'repairs', show: (r) => score(r.satAttitude) },
  { key: 'satProcess', label: '处理过程', area: 'repairs', show: (r) => score(r.satProcess) },
  { key: 'satEtiquette', label: '文明礼仪', area: 'repairs', show: (r) => score(r.satEtiquette) },
  ...FIGURE_FIELDS.map((f) => ({ key: f.key as string, label: f.label, area: 'sales' as const, show: (r: OpsRow) => f.show(r) })),
]
