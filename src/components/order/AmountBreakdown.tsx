import { View, Text } from '@tarojs/components'
import { yuan } from './order-format'
import './order.scss'

export interface AmountLine {
  key: string
  title: string
  quantity: number
  unitPriceFen: number
}

/** What was bought and what it cost: each line, the total, and what has gone back (refunds). */
export function AmountBreakdown({ lines, amountFen, paidFen, refundedFen }: { lines: AmountLine[]; amountFen: number; paidFen?: number; refundedFen?: number }) {
  return (
    <View className='order-amounts' data-testid='order-amounts'>
      {lines.map((l) => (
        <View key={l.key} className='order-amounts__row'>
          <Text className='order-amounts__title'>{l.title}</Text>
          <Text className='order-amounts__qty'>
            {yuan(l.unitPriceFen)} × {l.quantity}
          </Text>
        </View>
      ))}
      <View className='order-amounts__row order-amounts__row--total'>
        <Text>合计</Text>
        <Text className='order-amounts__total'>{yuan(amountFen)}</Text>
      </View>
      {paidFen !== undefined && paidFen > 0 && (
        <View className='order-amounts__row'>
          <Text>实付</Text>
          <Text>{yuan(paidFen)}</Text>
        </View>
      )}
      {refundedFen !== undefined && refundedFen > 0 && (
        <View className='order-amounts__row order-amounts__row--refund'>
          <Text>已退款</Text>
          <Text>-{yuan(refundedFen)}</Text>
        </View>
      )}
    </View>
  )
}
