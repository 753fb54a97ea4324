import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { OrderSummary } from '@contracts/orders.contract'
import { TYPE_LABELS, detailUrl, shortTime, statusLabel, yuan } from './labels'

/** One row of 我的订单; tapping opens the detail page. */
export function OrderCard({ order }: { order: OrderSummary }) {
  return (
    <View className='order-card card' data-testid='order-card' onClick={() => void Taro.navigateTo({ url: detailUrl(order.orderId) })}>
      <View className='order-card__head'>
        <Text className='order-card__type'>{TYPE_LABELS[order.type]}</Text>
        <Text className={`order-status order-status--${order.status}`}>{statusLabel(order.status)}</Text>
      </View>
      <Text className='order-card__title'>{order.title}</Text>
      <View className='order-card__foot'>
        <Text className='order-card__time'>{`${shortTime(order.createdAt)} · ${order.orderNo}`}</Text>
        <Text className='order-card__amount'>{yuan(order.amountFen)}</Text>
      </View>
      {order.refundedFen > 0 && <Text className='order-card__refunded'>已退 {yuan(order.refundedFen)}</Text>}
    </View>
  )
}
