import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { OrderSummary } from '@contracts/orders.contract'
import { OrderStatusBadge } from './OrderStatusBadge'
import { TYPE_LABELS, orderDetailUrl, shortTime, yuan } from './order-format'
import './order.scss'

/** One order in a list: type, status badge, title, Beijing time, order number and amount; tap for the detail. */
export function OrderCard({ order, url }: { order: OrderSummary; url?: string }) {
  return (
    <View className='order-card card' data-testid='order-card' data-order-id={order.orderId} onClick={() => void Taro.navigateTo({ url: url ?? orderDetailUrl(order.orderId) })}>
      <View className='order-card__head'>
        <Text className='order-card__type'>{TYPE_LABELS[order.type]}</Text>
        <OrderStatusBadge display={order.display} />
      </View>
      <Text className='order-card__title'>{order.title}</Text>
      {order.display.hint && <Text className='order-card__hint'>{order.display.hint}</Text>}
      <View className='order-card__foot'>
        <Text className='order-card__time'>{`${shortTime(order.createdAt)} · ${order.orderNo}`}</Text>
        <Text className='order-card__amount'>{yuan(order.amountFen)}</Text>
      </View>
    </View>
  )
}
