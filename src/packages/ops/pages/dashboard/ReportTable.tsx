import { View, Text, ScrollView } from '@tarojs/components'
import type { OpsRow } from '@contracts/ops-dashboard.schemas'
import { FIGURE_FIELDS, pct, yuan } from '@/components/figures/figure-format'

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

const SCOPE = { community: '小区', steward: '管家', grid: '网格' } as const

/**
 * The dashboard as a table that scrolls sideways on a phone while the name column stays put: the names
 * are a column of their own beside a horizontal ScrollView (position: sticky inside a WeChat scroll-view
 * is not dependable), rows kept aligned by one fixed row height. Cells carry `data-figure`, rows
 * `data-scope` / `data-key` (the e2e tests read them).
 */
export function ReportTable({ rows }: { rows: OpsRow[] }) {
  return (
    <View className='ops-table' data-testid='report-table'>
      <View className='ops-table__names' data-testid='name-column'>
        <Text className='report-table__cell report-table__cell--name report-table__cell--head'>名称</Text>
        {rows.map((r) => (
          <Text key={`${r.scope}-${r.key}`} className={`report-table__cell report-table__cell--name report-table__row--${r.scope}`} data-testid='row-name' data-key={r.key}>
            <Text className='report-table__scope'>{SCOPE[r.scope]}</Text>
            {r.label}
          </Text>
        ))}
      </View>
      <ScrollView scrollX className='ops-table__scroll' data-testid='table-scroll'>
        <View className='report-table'>
          <View className='report-table__row report-table__row--head'>
            {OPS_FIELDS.map((f) => (
              <Text key={f.key} className={`report-table__cell report-table__cell--head report-table__cell--${f.area}`}>
                {f.label}
              </Text>
            ))}
          </View>
          {rows.map((r) => (
            <View key={`${r.scope}-${r.key}`} className={`report-table__row report-table__row--${r.scope}`} data-testid='report-row' data-scope={r.scope} data-key={r.key}>
              {OPS_FIELDS.map((f) => (
                <Text key={f.key} className='report-table__cell' data-figure={f.key}>
                  {f.show(r)}
                </Text>
              ))}
            </View>
          ))}
        </View>
      </ScrollView>
    </View>
  )
}
