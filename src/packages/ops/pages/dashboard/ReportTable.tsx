import { View, Text, ScrollView } from '@tarojs/components'
import type { OpsRow } from '@contracts/ops-dashboard.schemas'
import { OPS_FIELDS } from './ops-fields'

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
