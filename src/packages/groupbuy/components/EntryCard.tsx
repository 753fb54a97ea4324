import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { MyEntry } from '@contracts/groupbuy.contract'
import { OrderStatusBadge } from '@/components/order/OrderStatusBadge'
import { QrMatrix } from '@/components/qr/QrMatrix'
import { orderUrl, spacedCode, windowText, yuan } from './labels'

const ORDER_DETAIL = (orderId: string) => `/packages/orders/pages/detail/index?orderId=${orderId}`

/** One group-buy order: what, how much, where it stands; once formed, the pickup code as QR and digits. */
export function EntryCard({ entry }: { entry: MyEntry }) {
  const showCode = entry.pickupCode && (entry.display.key === 'pickup_ready' || entry.display.key === 'partly_picked')
  return (
    <View className='card gb-entry' data-testid='entry' data-order-id={entry.orderId}>
      <View className='gb-entry__head'>
        <Text className='gb-entry__title'>{entry.campaignTitle}</Text>
        <OrderStatusBadge display={entry.display} />
      </View>
      {entry.lines.map((l) => (
        <Text key={l.skuId} className='gb-entry__line'>
          {l.title} × {l.quantity}
        </Text>
      ))}
      <Text className='gb-entry__amount'>{yuan(entry.amountFen)}</Text>
      {showCode && (
        <View className='gb-code'>
          {/* The scanner accepts "GB:<code>"; the digits below are for typing when a camera is not at hand. */}
          <QrMatrix value={`GB:${entry.pickupCode}`} size={180} />
          <Text className='gb-code__digits' data-testid='pickup-code'>
            {spacedCode(entry.pickupCode!)}
          </Text>
          <Text className='gb-code__where'>
            {entry.pickup.point} · {windowText(entry.pickup.startsAt, entry.pickup.endsAt)}
          </Text>
        </View>
      )}
      {entry.display.hint && <Text className='gb-entry__note'>{entry.display.hint}</Text>}
      {entry.display.action?.key === 'pay' && (
        <Text className='gb-link' onClick={() => void Taro.navigateTo({ url: ORDER_DETAIL(entry.orderId) })}>
          去支付 ›
        </Text>
      )}
      {entry.stage !== 'unpaid' && (
        <Text className='gb-entry__more' onClick={() => void Taro.navigateTo({ url: orderUrl(entry.orderId) })}>
          订单详情 ›
        </Text>
      )}
    </View>
  )
}
