import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { eventsContract, type EventCard } from '@contracts/events.contract'
import { useFnQuery } from '@/hooks/use-fn-query'
import { useFnMutation } from '@/hooks/use-fn-mutation'
import { PageState } from '@/components/PageState'
import { toastOk } from '@/services/toast'
import { shortTime } from '@/services/format'
import { EVENT_KIND_LABELS, EVENTS_URL, PHASE_LABELS, dwellText, eventWhen, placesText } from '../../components/labels'
import '../../components/events.scss'

function Row({ label, value }: { label: string; value: string }) {
  return (
    <View className='ev-row'>
      <Text className='ev-row__label'>{label}</Text>
      <Text className='ev-row__value'>{value}</Text>
    </View>
  )
}

/** Where I stand with this event, in one sentence and what to do next. */
function MyStatus({ e }: { e: EventCard }) {
  const m = e.mine
  if (e.status === 'cancelled' && (m.cancelledByEvent || m.status === 'signed'))
    return (
      <View className='card ev-status ev-status--off' data-testid='event-status'>
        <Text className='ev-status__title'>活动已取消</Text>
        <Text className='ev-status__text'>主办方取消了这场活动，您的报名已自动取消，无需任何操作。</Text>
      </View>
    )
  if (m.status === 'waiting')
    return (
      <View className='card ev-status ev-status--wait' data-testid='event-status'>
        <Text className='ev-status__title' data-testid='event-wait-position'>{`候补第 ${m.waitPosition} 位`}</Text>
        <Text className='ev-status__text'>有人取消或增加名额时，按候补顺序自动为您补上，并发消息通知您。</Text>
      </View>
    )
  if (m.status !== 'signed') return null
  if (m.checkOutAt && m.checkInAt)
    return (
      <View className='card ev-status ev-status--done' data-testid='event-status'>
        <Text className='ev-status__title'>{`已签退 · 停留 ${dwellText(m.dwellMinutes ?? 0)}`}</Text>
        <Text className='ev-status__text'>{`签到 ${shortTime(m.checkInAt)} · 签退 ${shortTime(m.checkOutAt)}`}</Text>
      </View>
    )
  if (m.checkInAt)
    return (
      <View className='card ev-status' data-testid='event-status'>
        <Text className='ev-status__title'>{`已签到 ${shortTime(m.checkInAt)}`}</Text>
        <Text className='ev-status__text'>离场时请扫描现场屏幕上的活动码签退，我们会记录您的停留时长。</Text>
      </View>
    )
  return (
    <View className='card ev-status' data-testid='event-status'>
      <Text className='ev-status__title'>已报名</Text>
      <Text className='ev-status__text'>到场后扫描工作人员手机上的活动码签到（活动开始前 1 小时起可签到）。</Text>
    </View>
  )
}

/** 活动详情: what, when, where, places; sign up or cancel; to the scan page once signed up. */
export default function EventDetailPage() {
  const eventId = useRouter().params.eventId ?? ''
  const q = useFnQuery(eventsContract, 'detail', { eventId })
  useDidShow(() => void q.reload())
  usePullDownRefresh(() => void q.reload().finally(() => Taro.stopPullDownRefresh()))
  const signUp = useFnMutation(eventsContract, 'signUp')
  const cancel = useFnMutation(eventsContract, 'cancelSignup')
  const wait = useFnMutation(eventsContract, 'joinWaitlist')
  const e = q.data
  const signed = e?.mine.status === 'signed'
  const waiting = e?.mine.status === 'waiting'
  const open = e?.phase === 'upcoming'
  const full = !!e && e.signedUp >= e.signupLimit

  const doSignUp = async () => {
    if (await signUp.run({ eventId })) {
      toastOk('报名成功')
      void q.reload()
    }
  }
  const doCancel = async () => {
    const { confirm } = await Taro.showModal(
      waiting ? { title: '退出候补', content: '退出后再加入将排到队尾，确定退出吗？' } : { title: '取消报名', content: '取消后名额会让给其他邻居，确定取消吗？' },
    )
    if (confirm && (await cancel.run({ eventId }))) {
      toastOk(waiting ? '已退出候补' : '已取消报名')
      void q.reload()
    }
  }
  const doWait = async () => {
    const out = await wait.run({ eventId })
    if (out) {
      toastOk(out.mine.status === 'signed' ? '报名成功' : `已加入候补，第 ${out.mine.waitPosition} 位`)
      void q.reload()
    }
  }

  return (
    <View className='ev-page'>
      <PageState loading={q.loading} error={q.error} hasData={!!e} onRetry={() => void q.reload()}>
        {e && (
          <>
            <View className='card ev-detail' data-testid='event-detail'>
              <View className='ev-item__head'>
                <Text className={`ev-kind ev-kind--${e.kind}`}>{EVENT_KIND_LABELS[e.kind]}</Text>
                <Text className={`ev-phase ev-phase--${e.phase}`}>{PHASE_LABELS[e.phase]}</Text>
              </View>
              <Text className='ev-detail__title'>{e.title}</Text>
              <Row label='时间' value={eventWhen(e.startsAt, e.endsAt)} />
              <Row label='地点' value={e.venue} />
              <Row label='品类' value={e.category} />
              <Row label='范围' value={e.buildingNames.length ? `${e.buildingNames.join('、')}住户` : '全体住户'} />
              {e.phase !== 'cancelled' && <Row label='名额' value={placesText(e)} />}
              {e.description ? <Text className='ev-desc'>{e.description}</Text> : null}
            </View>
            <MyStatus e={e} />
            <View className='ev-actions'>
              {!signed && !waiting && open && full && (
                <Button type='primary' disabled={wait.busy} loading={wait.busy} onClick={() => void doWait()} data-testid='event-join-waitlist'>
                  {e.waiting > 0 ? `名额已满，加入候补（${e.waiting} 户在等）` : '名额已满，加入候补'}
                </Button>
              )}
              {!signed && !waiting && !(open && full) && (
                <Button type='primary' disabled={!open || signUp.busy} loading={signUp.busy} onClick={() => void doSignUp()} data-testid='event-signup'>
                  {e.phase === 'cancelled' ? '活动已取消' : !open ? (e.phase === 'live' ? '活动进行中，报名已截止' : '报名已截止') : '立即报名'}
                </Button>
              )}
              {((signed && !e.mine.checkInAt) || waiting) && open && (
                <Button type='default' disabled={cancel.busy} onClick={() => void doCancel()} data-testid='event-cancel'>
                  {waiting ? '退出候补' : '取消报名'}
                </Button>
              )}
              {signed && !e.mine.checkOutAt && e.phase !== 'cancelled' && (
                <Button type='primary' onClick={() => void Taro.navigateTo({ url: EVENTS_URL.scan(eventId) })} data-testid='event-go-scan'>
                  {e.mine.checkInAt ? '扫码签退' : '扫码签到'}
                </Button>
              )}
            </View>
          </>
        )}
      </PageState>
    </View>
  )
}
