import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { TYPE_LABELS, dateTime, spacedOrderNo } from './order-format'
import type { OrderType } from '@contracts/orders.contract'
import './order.scss'

/** Order number (tap to copy, for calls to the property office), type, and the dates in Beijing time. */
export function OrderMeta({ orderNo, type, createdAt, paidAt }: { orderNo: string; type: OrderType; createdAt: string; paidAt?: string | null }) {
  return (
    <View className='order-meta'>
      <View className='order-meta__row'>
        <Text className='order-meta__key'>订单号</Text>
        <Text className='order-meta__value' data-testid='order-no' onClick={() => void Taro.setClipboardData({ data: orderNo })}>
          {spacedOrderNo(orderNo)}
          <Text className='order-meta__copy'> 复制</Text>
        </Text>
      </View>
      <View className='order-meta__row'>
        <Text className='order-meta__key'>类型</Text>
        <Text className='order-meta__value'>{TYPE_LABELS[type]}</Text>
      </View>
      <View className='order-meta__row'>
        <Text className='order-meta__key'>下单时间</Text>
        <Text className='order-meta__value'>{dateTime(createdAt)}</Text>
      </View>
      {paidAt && (
        <View className='order-meta__row'>
          <Text className='order-meta__key'>支付时间</Text>
          <Text className='order-meta__value'>{dateTime(paidAt)}</Text>
        </View>
      )}
    </View>
  )
}
