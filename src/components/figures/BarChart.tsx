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
 * value, so it reads the same on every screen. Each bar carries its value for tests and accessibility.
 */
export function BarChart({ points, highlight }: { points: BarPoint[]; highlight?: number }) {
  const max = Math.max(1, ...points.map((p) => p.value))
  return (
    <View className='bar-chart' data-testid='bar-chart'>
      {points.map((p, i) => {
        const height = p.value <= 0 ? 0 : Math.max(3, Math.round((p.value / max) * 100))
        return (
          <View key={`${p.label}-${i}`} className='bar-chart__col' data-testid='bar' data-value={String(p.value)} aria-label={`${p.label} ${p.caption}`}>
            <Text className='bar-chart__caption'>{p.caption}</Text>
            <View className='bar-chart__track'>
              <View className={`bar-chart__bar ${i === highlight ? 'bar-chart__bar--on' : ''}`} style={{ height: `${height}%` }} />
            </View>
            <Text className='bar-chart__label'>{p.label}</Text>
          </View>
        )
      })}
    </View>
  )
}
