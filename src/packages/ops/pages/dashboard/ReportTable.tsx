import { View, Text, ScrollView } from '@tarojs/components'
import type { Figure } from '@contracts/attribution.contract'
import { FIGURE_FIELDS } from '@/components/figures/figure-format'

const SCOPE = { community: '小区', steward: '管家', grid: '网格' } as const

/**
 * The report as a table that scrolls sideways on a phone: one row per community / steward / grid, one
 * column per figure. Cells carry `data-figure`, rows `data-scope` / `data-key` (the e2e test reads them).
 */
export function ReportTable({ rows }: { rows: Figure[] }) {
  return (
    <ScrollView scrollX className='report-table-scroll'>
      <View className='report-table' data-testid='report-table'>
        <View className='report-table__row report-table__row--head'>
          <Text className='report-table__cell report-table__cell--name'>名称</Text>
          {FIGURE_FIELDS.map((f) => (
            <Text key={f.key} className='report-table__cell'>
              {f.label}
            </Text>
          ))}
        </View>
        {rows.map((r) => (
          <View key={`${r.scope}-${r.key}`} className={`report-table__row report-table__row--${r.scope}`} data-testid='report-row' data-scope={r.scope} data-key={r.key}>
            <Text className='report-table__cell report-table__cell--name'>
              <Text className='report-table__scope'>{SCOPE[r.scope]}</Text>
              {r.label}
            </Text>
            {FIGURE_FIELDS.map((f) => (
              <Text key={f.key} className='report-table__cell' data-figure={f.key}>
                {f.show(r)}
              </Text>
            ))}
          </View>
        ))}
      </View>
    </ScrollView>
  )
}
