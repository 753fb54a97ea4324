import { View, Text } from '@tarojs/components'
import type { OrderView } from '@contracts/orders.contract'
import { actorLabel, dateTime } from './order-format'
import './order.scss'

/** The order's history, newest first: what happened, when (Beijing time) and by whom. */
export function OrderTimeline({ entries }: { entries: OrderView['timeline'] }) {
  return (
    <View className='order-timeline' data-testid='order-timeline'>
      {[...entries].reverse().map((e, i) => (
        <View key={`${e.at}-${e.to}-${i}`} className={`order-timeline__item ${i === 0 ? 'order-timeline__item--current' : ''}`}>
          <View className='order-timeline__dot' />
          <View className='order-timeline__body'>
            <Text className='order-timeline__label'>{e.label}</Text>
            <Text className='order-timeline__meta'>
              {dateTime(e.at)} · {actorLabel(e.by)}
              {e.note ? ` · ${e.note}` : ''}
            </Text>
          </View>
        </View>
      ))}
    </View>
  )
}
