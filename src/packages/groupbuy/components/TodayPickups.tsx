import { Text, View } from '@tarojs/components'
import type { TodayPickups as Today } from '@contracts/groupbuy.contract'
import { windowText } from './labels'

/** 今日待提 per pickup point: who still has to come, and what each household collects. */
export function TodayPickups({ data }: { data: Today }) {
  if (data.points.length === 0) return <Text className='gb-today__empty'>今天没有需要提货的团购</Text>
  return (
    <View className='gb-today' data-testid='today-pickups'>
      {data.points.map((p) => (
        <View key={p.point} className='card gb-today__point'>
          <View className='gb-confirm__row'>
            <Text className='gb-today__name'>{p.point}</Text>
            <Text className='gb-today__count' data-testid='today-count'>
              待提 {p.waiting} · 已提 {p.done}
            </Text>
          </View>
          {p.campaigns.map((c) => (
            <Text key={c.campaignId} className='gb-sku__meta'>
              {c.title} · {windowText(c.window.startsAt, c.window.endsAt)}
            </Text>
          ))}
          {p.entries.map((e) => (
            <View key={e.orderId} className={`gb-today__entry${e.status === 'picked_up' ? ' gb-today__entry--done' : ''}`} data-testid='today-entry'>
              <View className='gb-confirm__row'>
                <Text className='gb-today__household'>{e.householdLabel}</Text>
                <Text className='gb-sku__meta'>{e.status === 'picked_up' ? '已提货' : e.status === 'partly_picked' ? '部分已提' : '待提货'}</Text>
              </View>
              <Text className='gb-sku__meta'>
                {e.contact} · {e.lines.map((l) => `${l.title}×${l.quantity}`).join('，')}
              </Text>
            </View>
          ))}
        </View>
      ))}
    </View>
  )
}
