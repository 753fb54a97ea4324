import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { REPAIR_CATEGORY_LABELS, type TicketSummary } from '@contracts/repairs.contract'
import { shortTime, statusText, statusTone } from './labels'

export const detailUrl = (id: string) => `/packages/repairs/pages/detail/index?id=${id}`

export function StatusTag({ status, overdue }: Pick<TicketSummary, 'status' | 'overdue'>) {
  return (
    <View className='status-tags'>
      {overdue && <Text className='status-tag status-tag--overdue'>超时</Text>}
      <Text className={`status-tag status-tag--${statusTone(status)}`}>{statusText(status)}</Text>
    </View>
  )
}

/** One card per ticket; tapping opens its detail. */
export function TicketList({ items }: { items: TicketSummary[] }) {
  return (
    <View className='ticket-list'>
      {items.map((t) => (
        <View key={t.id} className='card ticket-row' data-id={t.id} onClick={() => void Taro.navigateTo({ url: detailUrl(t.id) })}>
          <View className='ticket-row__head'>
            <Text className='ticket-row__category'>{REPAIR_CATEGORY_LABELS[t.category]}</Text>
            <StatusTag status={t.status} overdue={t.overdue} />
          </View>
          <Text className='ticket-row__preview'>{t.preview}</Text>
          <View className='ticket-row__meta'>
            <Text>{t.placeLabel}</Text>
            <Text>{t.assigneeName ? `师傅 ${t.assigneeName}` : '待派单'}</Text>
            <Text>{shortTime(t.createdAt)}</Text>
          </View>
        </View>
      ))}
    </View>
  )
}
