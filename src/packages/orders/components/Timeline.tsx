import { View, Text } from '@tarojs/components'
import type { OrderView } from '@contracts/orders.contract'
import { actorLabel, shortTime, statusLabel } from './labels'

/** The order's status history, newest first (what happened, when, by whom). */
export function Timeline({ entries }: { entries: OrderView['timeline'] }) {
  return (
    <View className='timeline' data-testid='order-timeline'>
      {[...entries].reverse().map((e, i) => (
        <View key={`${e.at}-${e.to}-${i}`} className={`timeline__item ${i === 0 ? 'timeline__item--current' : ''}`}>
          <View className='timeline__dot' />
          <View className='timeline__body'>
            <Text className='timeline__status'>{statusLabel(e.to)}</Text>
            <Text className='timeline__meta'>
              {shortTime(e.at)} · {actorLabel(e.by)}
              {e.note ? ` · ${e.note}` : ''}
            </Text>
          </View>
        </View>
      ))}
    </View>
  )
}
