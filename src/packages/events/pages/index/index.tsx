import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { eventsContract } from '@contracts/events.contract'
import { useFnQuery } from '@/hooks/use-fn-query'
import { PageState } from '@/components/PageState'
import { EventItem } from '../../components/EventItem'
import '../../components/events.scss'

/** 社区活动: the events my building may join (ongoing and upcoming first), with my sign-up on each. */
export default function EventListPage() {
  const q = useFnQuery(eventsContract, 'list', {})
  useDidShow(() => void q.reload())
  usePullDownRefresh(() => void q.reload().finally(() => Taro.stopPullDownRefresh()))
  const events = q.data?.events ?? []
  return (
    <View className='ev-page' data-testid='events-list'>
      <Text className='section-title'>服务体验会 · 社区活动</Text>
      <PageState loading={q.loading} error={q.error} hasData={!!q.data} empty={events.length === 0} emptyText='近期没有活动，敬请期待' onRetry={() => void q.reload()}>
        {events.map((e) => (
          <EventItem key={e.eventId} event={e} />
        ))}
      </PageState>
    </View>
  )
}
