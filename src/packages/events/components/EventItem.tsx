import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { EventCard } from '@contracts/events.contract'
import { EVENT_KIND_LABELS, EVENTS_URL, PHASE_LABELS, eventWhen, placesText } from './labels'

function mineText(e: EventCard): string | null {
  if (e.mine.status === 'waiting') return `候补第 ${e.mine.waitPosition} 位`
  if (e.mine.status !== 'signed') return null
  if (e.mine.checkOutAt) return '已签退'
  if (e.mine.checkInAt) return '已签到'
  return '已报名'
}

/** One event in the resident's list: kind, title, when and where, places, and where I stand. */
export function EventItem({ event }: { event: EventCard }) {
  const mine = mineText(event)
  return (
    <View className='card ev-item' data-testid='event-item' data-event-id={event.eventId} onClick={() => void Taro.navigateTo({ url: EVENTS_URL.detail(event.eventId) })}>
      <View className='ev-item__head'>
        <Text className={`ev-kind ev-kind--${event.kind}`}>{EVENT_KIND_LABELS[event.kind]}</Text>
        <Text className={`ev-phase ev-phase--${event.phase}`}>{PHASE_LABELS[event.phase]}</Text>
      </View>
      <Text className='ev-item__title'>{event.title}</Text>
      <Text className='ev-item__meta'>{eventWhen(event.startsAt, event.endsAt)}</Text>
      <Text className='ev-item__meta'>{event.venue}</Text>
      <View className='ev-item__foot'>
        <Text className='ev-item__places'>{placesText(event)}</Text>
        {mine && <Text className='ev-item__mine'>{mine}</Text>}
      </View>
    </View>
  )
}
