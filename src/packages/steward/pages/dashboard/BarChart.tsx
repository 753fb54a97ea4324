import { View, Text } from '@tarojs/components'
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
/** Share of the tallest bar in percent; nothing for zero or negative months, at least 3% for any positive one. */
export function barHeightPct(value: number, max: number): number {
  return value <= 0 || max <= 0 ? 0 : Math.max(3, Math.round((value / max) * 100))
}

export function BarChart({ points, highlight }: { points: BarPoint[]; highlight?: number }) {
  const max = Math.max(0, ...points.map((p) => p.value))
  return (
    <View className='bar-chart' data-testid='bar-chart'>
      {points.map((p, i) => {
        const height = barHeightPct(p.value, max)
        return (
          <View key={`${p.label}-${i}`} className='bar-chart__col' data-testid='bar' data-value={String(p.value)} aria-label={`${p.label} ${p.caption}`}>
            <Text className='bar-chart__caption'>{p.caption}</Text>
            <View className='bar-chart__track'>
              {height > 0 && <View className={`bar-chart__bar ${i === highlight ? 'bar-chart__bar--on' : ''}`} data-testid='bar-fill' style={{ height: `${height}%` }} />}
            </View>
            <Text className='bar-chart__label'>{p.label}</Text>
          </View>
        )
      })}
    </View>
  )
}
