import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { eventsHomeContract } from '@contracts/events-home.contract'
import { useFnQuery } from '@/hooks/use-fn-query'
import { shortTime } from '@/services/format'
import { HOME_LINKS } from './home-links'

const MINE: Record<string, string> = { signed: '已报名', waiting: '候补中' }

/** 社区活动 on the resident home: what is on now or next (nothing shown when there is nothing). */
export function UpcomingEvents({ refreshKey }: { refreshKey: number }) {
  const q = useFnQuery(eventsHomeContract, 'list', {}, [refreshKey])
  const items = (q.data?.events ?? []).filter((e) => e.phase === 'upcoming' || e.phase === 'live').slice(0, 2)
  if (items.length === 0) return null
  return (
    <View className='home-section' data-testid='home-events'>
      <View className='home-section__head'>
        <Text className='home-section__title'>社区活动</Text>
        <Text className='home-section__more' onClick={() => void Taro.navigateTo({ url: HOME_LINKS.events })}>
          全部 ›
        </Text>
      </View>
      <View className='card home-gb'>
        {items.map((e) => (
          <View key={e.eventId} className='home-gb__row' data-testid='home-event' onClick={() => void Taro.navigateTo({ url: HOME_LINKS.event(e.eventId) })}>
            <View className='home-gb__main'>
              <Text className='home-gb__title'>{e.title}</Text>
              <Text className='home-gb__meta'>{`${shortTime(e.startsAt)} · ${e.venue}`}</Text>
            </View>
            <Text className='home-event__state'>{MINE[e.mine.status] ?? (e.phase === 'live' ? '进行中' : `剩 ${Math.max(0, e.signupLimit - e.signedUp)} 名额`)}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
