import { View, Text } from '@tarojs/components'
import type { SatisfactionFigure } from '@contracts/repairs.contract'

/** The satisfaction figure as ops judge it: mean of the four dimensions, with the count behind it. */
export function SatisfactionCard({ title, figure, month }: { title: string; figure: SatisfactionFigure; month?: SatisfactionFigure }) {
  return (
    <View className='card satisfaction-card' data-title={title}>
      <Text className='form-block__label'>{title}</Text>
      <View className='satisfaction'>
        <Text className='satisfaction__score'>{figure.count ? figure.overall.toFixed(2) : '暂无评价'}</Text>
        <Text className='satisfaction__meta'>
          共 {figure.count} 条评价{month ? ` · 本月 ${month.count ? month.overall.toFixed(2) : '—'}` : ''}
        </Text>
      </View>
      {figure.count > 0 && (
        <View className='satisfaction__dims'>
          <Text>及时 {figure.arrival.toFixed(1)}</Text>
          <Text>态度 {figure.attitude.toFixed(1)}</Text>
          <Text>过程 {figure.process.toFixed(1)}</Text>
          <Text>礼仪 {figure.etiquette.toFixed(1)}</Text>
        </View>
      )}
    </View>
  )
}
