import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { eventsContract } from '@contracts/events.contract'
import { useFnQuery } from '@/hooks/use-fn-query'
import { PageState } from '@/components/PageState'
import { EVENT_KIND_LABELS, EVENTS_URL, PHASE_LABELS, eventWhen } from '../../components/labels'
import '../../components/events.scss'

/** 活动组织 (stewards and ops): the community's events; open one to show its code and watch arrivals. */
export default function EventManagePage() {
  const q = useFnQuery(eventsContract, 'manageList', {})
  useDidShow(() => void q.reload())
  usePullDownRefresh(() => void q.reload().finally(() => Taro.stopPullDownRefresh()))
  const events = q.data?.events ?? []
  return (
    <View className='ev-page' data-testid='events-manage'>
      <View className='ev-toolbar'>
        <Text className='section-title'>本小区活动</Text>
        <Text className='ev-link' onClick={() => void Taro.navigateTo({ url: EVENTS_URL.costs })} data-testid='events-costs-link'>
          活动费用 ›
        </Text>
      </View>
      <PageState loading={q.loading} error={q.error} hasData={!!q.data} empty={events.length === 0} emptyText='还没有活动，发布第一场吧' onRetry={() => void q.reload()}>
        {events.map((e) => (
          <View key={e.eventId} className='card ev-item' data-testid='manage-item' onClick={() => void Taro.navigateTo({ url: EVENTS_URL.live(e.eventId) })}>
            <View className='ev-item__head'>
              <Text className={`ev-kind ev-kind--${e.kind}`}>{EVENT_KIND_LABELS[e.kind]}</Text>
              <Text className={`ev-phase ev-phase--${e.phase}`}>{PHASE_LABELS[e.phase]}</Text>
            </View>
            <Text className='ev-item__title'>{e.title}</Text>
            <Text className='ev-item__meta'>{`${eventWhen(e.startsAt, e.endsAt)} · ${e.venue}`}</Text>
            <View className='ev-item__foot'>
              <Text className='ev-item__places'>{`报名 ${e.signedUp}/${e.signupLimit} 户${e.waiting > 0 ? ` · 候补 ${e.waiting}` : ''} · 签到 ${e.checkedIn} 户`}</Text>
              <Text className='ev-item__mine'>{e.phase === 'ended' || e.phase === 'cancelled' ? '查看 ›' : e.phase === 'upcoming' ? '签到码 · 编辑 ›' : '现场签到 ›'}</Text>
            </View>
          </View>
        ))}
      </PageState>
      <View className='ev-actions'>
        <Button type='primary' onClick={() => void Taro.navigateTo({ url: EVENTS_URL.create })} data-testid='events-create'>
          发布活动
        </Button>
      </View>
    </View>
  )
}
