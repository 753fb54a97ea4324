import type { Figure } from '@contracts/attribution.contract'

import { pct, yuan } from '@/services/format'

export { currentMonth, monthLabel, pct, shiftMonth, yuan } from '@/services/format'

/**
 * Every figure with its label and how it prints. The steward dashboard and the ops table print a figure
 * through the same entry, so the same row reads the same on both (the e2e test compares them).
 */
export const FIGURE_FIELDS: { key: keyof Figure; label: string; show: (f: Figure) => string }[] = [
  { key: 'orders', label: '订单数', show: (f) => String(f.orders) },
  { key: 'gmvFen', label: 'GMV', show: (f) => yuan(f.gmvFen) },
  { key: 'avgOrderFen', label: '客单价', show: (f) => yuan(f.avgOrderFen) },
  { key: 'commissionNetFen', label: '佣金净额', show: (f) => yuan(f.commissionNetFen) },
  { key: 'households', label: '户数', show: (f) => String(f.households) },
  { key: 'boundHouseholds', label: '绑定户数', show: (f) => String(f.boundHouseholds) },
  { key: 'penetration', label: '渗透率', show: (f) => pct(f.penetration) },
  { key: 'newBoundResidents', label: '新绑定住户', show: (f) => String(f.newBoundResidents) },
  { key: 'convertedResidents', label: '30天内首单', show: (f) => String(f.convertedResidents) },
  { key: 'firstOrderConversion', label: '首单转化率', show: (f) => pct(f.firstOrderConversion) },
  { key: 'buyers', label: '下单户数', show: (f) => String(f.buyers) },
  { key: 'repurchasers', label: '次月回购户数', show: (f) => String(f.repurchasers) },
  { key: 'repurchaseRate', label: '次月回购率', show: (f) => pct(f.repurchaseRate) },
  { key: 'refundFen', label: '退款', show: (f) => yuan(f.refundFen) },
  { key: 'satisfaction', label: '维修满意度', show: (f) => (f.satisfaction === null ? '暂无评价' : f.satisfaction.toFixed(2)) },
  { key: 'commissionAccruedFen', label: '佣金计提', show: (f) => yuan(f.commissionAccruedFen) },
  { key: 'commissionReversedFen', label: '佣金冲回', show: (f) => yuan(f.commissionReversedFen) },
]

export const fieldOf = (key: keyof Figure) => FIGURE_FIELDS.find((f) => f.key === key)!
