import { View, Text } from '@tarojs/components'
import { TIMELINE_LABELS, type TicketDetail } from '@contracts/repairs.contract'
import { shortTime } from './labels'

const BY: Record<TicketDetail['timeline'][number]['by'], string> = { resident: '住户', technician: '师傅', steward: '管家', ops: '物业', system: '系统' }

/** Newest first: the resident cares most about what happened last. */
export function Timeline({ entries }: { entries: TicketDetail['timeline'] }) {
  return (
    <View className='card timeline'>
      {[...entries].reverse().map((e, i) => (
        <View key={`${e.at}-${i}`} className={`timeline__item${i === 0 ? ' timeline__item--latest' : ''}`}>
          <View className='timeline__dot' />
          <View className='timeline__body'>
            <Text className='timeline__title'>
              {TIMELINE_LABELS[e.action]}
              {e.technicianName ? `：${e.technicianName}` : ''}
            </Text>
            {e.note && <Text className='timeline__note'>{e.note}</Text>}
            <Text className='timeline__time'>
              {shortTime(e.at)} · {BY[e.by]}
            </Text>
          </View>
        </View>
      ))}
    </View>
  )
}
