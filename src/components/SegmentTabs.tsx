import { View, Text } from '@tarojs/components'
import './segment-tabs.scss'

export interface SegmentTab<K extends string> {
  key: K
  title: string
  testId?: string
}

/**
 * Two to five pill tabs over a list (缴费记录 / 发票申请, 欠费住户 / 催缴后已缴…), always on one row; each is a
 * 44 px tap target. Four or five tabs get tighter spacing; keep their labels short (two or three characters)
 * so the row fits 320 px without scrolling.
 */
export function SegmentTabs<K extends string>({ tabs, value, onChange }: { tabs: SegmentTab<K>[]; value: K; onChange: (k: K) => void }) {
  return (
    <View className={`segment-tabs${tabs.length >= 4 ? ' segment-tabs--dense' : ''}`} data-testid='segment-tabs'>
      {tabs.map((t) => (
        <View key={t.key} className={`segment-tabs__tab ${t.key === value ? 'segment-tabs__tab--on' : ''}`} data-testid={t.testId} onClick={() => onChange(t.key)}>
          <Text>{t.title}</Text>
        </View>
      ))}
    </View>
  )
}
