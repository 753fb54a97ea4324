import { View, Text } from '@tarojs/components'
import type { OrderPickup } from '@contracts/orders.contract'
import { QrMatrix } from '@/components/qr/QrMatrix'
import { dateTime, spacedPickupCode } from './order-format'
import './order.scss'

const windowText = (startsAt: string, endsAt: string) => `${dateTime(startsAt)} 至 ${dateTime(endsAt).slice(5)}`

/**
 * Where and what to collect: the pickup point and window, the code (QR and digits, once the group has formed)
 * and per item what was already handed over. The scanner accepts "GB:<code>".
 */
export function PickupInfo({ pickup, done }: { pickup: OrderPickup; done?: boolean }) {
  return (
    <View className='card order-section' data-testid='order-pickup'>
      <Text className='order-section__title'>自提信息</Text>
      {pickup.code && (
        <View className='order-pickup__code'>
          <QrMatrix value={`GB:${pickup.code}`} size={160} dimmed={done} />
          <Text className='order-pickup__digits' data-testid='pickup-code'>
            {spacedPickupCode(pickup.code)}
          </Text>
        </View>
      )}
      <View className='order-meta__row'>
        <Text className='order-meta__key'>自提点</Text>
        <Text className='order-meta__value' data-testid='pickup-point'>{pickup.point}</Text>
      </View>
      <View className='order-meta__row'>
        <Text className='order-meta__key'>提货时间</Text>
        <Text className='order-meta__value'>{windowText(pickup.startsAt, pickup.endsAt)}</Text>
      </View>
      {pickup.lines.map((l, i) => (
        <View key={`${l.title}-${i}`} className='order-meta__row' data-testid='pickup-line'>
          <Text className='order-meta__key'>
            {l.title} × {l.quantity}
          </Text>
          <Text className={`order-meta__value ${l.left === 0 && pickup.code ? 'order-tone--success' : ''}`}>
            {!pickup.code ? '成团后提货' : l.left === 0 ? '已提' : l.picked > 0 ? `已提 ${l.picked}，待提 ${l.left}` : '待提'}
          </Text>
        </View>
      ))}
    </View>
  )
}
