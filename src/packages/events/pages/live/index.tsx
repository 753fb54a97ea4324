import { useEffect, useRef, useState } from 'react'
import Taro, { useDidHide, useDidShow, useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { eventsContract } from '@contracts/events.contract'
import type { ActionOutput } from '@contracts/envelope'
import { callFn, isFnError } from '@/services/call-fn'
import { useFnQuery } from '@/hooks/use-fn-query'
import { PageState } from '@/components/PageState'
import { QrMatrix } from '@/components/qr/QrMatrix'
import { shortTime } from '@/services/format'
import { EVENTS_URL, dwellText } from '../../components/labels'
import '../../components/events.scss'

type Code = ActionOutput<typeof eventsContract, 'code'>
/** Arrivals show up within this long on the organiser's screen. */
const ATTENDANCE_POLL_MS = 5_000

/**
 * The organiser's phone at the venue: the rotating event code (QR for weapp, 6 big digits to type on H5),
 * replaced when the server says, and the live count of who is in, who has left and for how long.
 */
export default function EventLivePage() {
  const eventId = useRouter().params.eventId ?? ''
  const live = useFnQuery(eventsContract, 'attendance', { eventId })
  const [code, setCode] = useState<Code | null>(null)
  const [codeError, setCodeError] = useState<string | null>(null)
  const [left, setLeft] = useState(0)
  const [visible, setVisible] = useState(true)
  const timers = useRef<ReturnType<typeof setTimeout>[]>([])
  useDidShow(() => {
    setVisible(true)
    void live.reload()
    // The organiser's phone lies on the table showing the code: keep the screen awake (weapp; no-op on H5).
    void Taro.setKeepScreenOn?.({ keepScreenOn: true }).catch(() => undefined)
  })
  useDidHide(() => setVisible(false))

  useEffect(() => {
    if (!visible) return undefined
    let stopped = false
    const later = (fn: () => void, ms: number) => timers.current.push(setTimeout(() => !stopped && fn(), ms))
    const fetchCode = async () => {
      try {
        const c = await callFn(eventsContract, 'code', { eventId })
        setCode(c)
        setCodeError(null)
        later(() => void fetchCode(), c.refreshInSeconds * 1000)
      } catch (e) {
        setCodeError(isFnError(e) ? e.message : '活动码获取失败')
        later(() => void fetchCode(), 10_000)
      }
    }
    const poll = () => {
      void live.reload()
      later(poll, ATTENDANCE_POLL_MS)
    }
    void fetchCode()
    later(poll, ATTENDANCE_POLL_MS)
    return () => {
      stopped = true
      timers.current.forEach(clearTimeout)
      timers.current = []
    }
  }, [eventId, visible])

  useEffect(() => {
    if (!code) return undefined
    const tick = () => setLeft(Math.max(0, Math.ceil((Date.parse(code.expiresAt) - Date.now()) / 1000) - 20))
    tick()
    const t = setInterval(tick, 1000)
    return () => clearInterval(t)
  }, [code])

  const a = live.data
  const upcoming = a?.event.phase === 'upcoming'
  return (
    <View className='ev-page'>
      <PageState loading={live.loading} error={live.error} hasData={!!a} onRetry={() => void live.reload()}>
        {a && (
          <>
            <View className='card ev-screen' data-testid='event-screen'>
              <Text className='ev-screen__title'>{a.event.title}</Text>
              {code ? (
                <>
                  <QrMatrix value={code.qr} size={200} />
                  <Text className='ev-screen__digits' data-testid='event-code'>
                    {code.code}
                  </Text>
                  <View className='ev-bar'>
                    <View className='ev-bar__fill' style={{ width: `${Math.min(100, (left / 20) * 100)}%` }} />
                  </View>
                  <Text className='ev-screen__hint'>住户扫码或输入数字签到；离场时再扫一次签退。活动码 20 秒一换。</Text>
                </>
              ) : (
                <Text className='ev-screen__hint' data-testid='event-code-error'>
                  {codeError ?? '正在获取活动码…'}
                </Text>
              )}
            </View>
            <View className='card ev-stats' data-testid='event-stats'>
              <View className='ev-stat'>
                <Text className='ev-stat__value' data-testid='stat-signed-up'>{`${a.signedUp}/${a.event.signupLimit}`}</Text>
                <Text className='ev-stat__label'>报名</Text>
              </View>
              <View className='ev-stat'>
                <Text className='ev-stat__value' data-testid='stat-checked-in'>{a.checkedIn}</Text>
                <Text className='ev-stat__label'>已签到</Text>
              </View>
              <View className='ev-stat'>
                <Text className='ev-stat__value' data-testid='stat-on-site'>{a.onSite}</Text>
                <Text className='ev-stat__label'>在场</Text>
              </View>
              <View className='ev-stat'>
                <Text className='ev-stat__value' data-testid='stat-checked-out'>{a.checkedOut}</Text>
                <Text className='ev-stat__label'>已签退</Text>
              </View>
              <View className='ev-stat'>
                <Text className='ev-stat__value'>{a.averageDwellMinutes === null ? '—' : `${a.averageDwellMinutes}分`}</Text>
                <Text className='ev-stat__label'>平均停留</Text>
              </View>
            </View>
            {a.event.waiting > 0 && (
              <Text className='ev-hint ev-hint--pad' data-testid='live-waiting'>{`另有 ${a.event.waiting} 户在候补：有人取消或增加名额时按顺序自动补上，并通知他们。`}</Text>
            )}
            <Text className='section-title'>签到名单</Text>
            <View className='card'>
              {a.attendees.length === 0 && <Text className='ev-hint'>还没有人报名</Text>}
              {a.attendees.map((p, i) => (
                <View key={`${p.householdLabel}-${i}`} className='ev-attendee' data-testid='attendee'>
                  <Text>{p.householdLabel}</Text>
                  <Text className={`ev-attendee__state ${p.checkInAt && !p.checkOutAt ? 'ev-attendee__state--in' : ''}`}>
                    {p.checkOutAt ? `已签退 · 停留 ${dwellText(p.dwellMinutes ?? 0)}` : p.checkInAt ? `${shortTime(p.checkInAt)} 签到 · 在场` : '未到场'}
                  </Text>
                </View>
              ))}
            </View>
            {upcoming && (
              <View className='ev-actions' data-testid='organiser-actions'>
                <Button type='default' onClick={() => void Taro.navigateTo({ url: EVENTS_URL.cancel(eventId) })} data-testid='event-organiser-cancel'>
                  取消活动
                </Button>
                <Button type='primary' onClick={() => void Taro.navigateTo({ url: EVENTS_URL.edit(eventId) })} data-testid='event-edit'>
                  编辑活动
                </Button>
              </View>
            )}
          </>
        )}
      </PageState>
    </View>
  )
}
