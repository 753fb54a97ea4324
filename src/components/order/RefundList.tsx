import { View, Text } from '@tarojs/components'
import type { RefundView } from '@contracts/orders.contract'
import { REFUND_STATUS_LABELS, dateTime, yuan } from './order-format'
import './order.scss'

/** Every refund of the order: amount, where it stands, when it was asked for and when it arrived. */
export function RefundList({ refunds }: { refunds: RefundView[] }) {
  if (refunds.length === 0) return null
  return (
    <View className='card order-section' data-testid='order-refunds'>
      <Text className='order-section__title'>退款记录</Text>
      {refunds.map((r) => (
        <View key={r.refundId} className='order-refund' data-testid='refund-row'>
          <View className='order-refund__head'>
            <Text className='order-refund__amount'>{yuan(r.amountFen)}</Text>
            <Text className={`order-badge order-badge--${r.status === 'succeeded' ? 'muted' : r.status === 'failed' ? 'warning' : 'info'}`}>{REFUND_STATUS_LABELS[r.status]}</Text>
          </View>
          <Text className='order-refund__meta'>
            {r.reason} · 申请于 {dateTime(r.requestedAt)}
            {r.completedAt ? ` · 到账 ${dateTime(r.completedAt)}` : ''}
          </Text>
        </View>
      ))}
    </View>
  )
}
