import { View, Text } from '@tarojs/components'
import { barHeightPct } from './bar-scale'
import './bar-chart.scss'

export interface BarPoint {
  label: string
  value: number
  /** What the bar says above it (formatted value). */
  caption: string
}

/**
 * A column chart from plain Views (no chart library in the bundle): heights are shares of the largest
 * value, so it reads the same on every screen. A month with nothing (or a net loss) draws no bar at all,
 * only the baseline and its "0" caption — an empty track would read as a full grey bar. Each bar carries
 * its value for tests and accessibility.
 */
/** `testId` names the bars (`<testId>` per column, `<testId>-fill` per drawn bar) when a page has two charts. */
export function BarChart({ points, highlight, testId = 'bar' }: { points: BarPoint[]; highlight?: number; testId?: string }) {
  const max = Math.max(0, ...points.map((p) => p.value))
  return (
    <View className='bar-chart' data-testid='bar-chart'>
      {points.map((p, i) => {
        const height = barHeightPct(p.value, max)
        return (
          <View key={`${p.label}-${i}`} className='bar-chart__col' data-testid={testId} data-value={String(p.value)} aria-label={`${p.label} ${p.caption}`}>
            <Text className='bar-chart__caption'>{p.caption}</Text>
            <View className='bar-chart__track'>
              {height > 0 && <View className={`bar-chart__bar ${i === highlight ? 'bar-chart__bar--on' : ''}`} data-testid={`${testId}-fill`} style={{ height: `${height}%` }} />}
            </View>
            <Text className='bar-chart__label'>{p.label}</Text>
          </View>
        )
      })}
    </View>
  )
}
