import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { feesContract, type OwnerCall } from '@contracts/fees.contract'
import type { ActionOutput } from '@contracts/envelope'
import { callFn, FnError, isFnError } from '@/services/call-fn'
import { useFnQuery } from '@/hooks/use-fn-query'
import { PageState } from '@/components/PageState'
import { toastError, toastOk } from '@/services/toast'
import { dateTime, yuan } from '@/services/format'
import { ArrearsCard } from './ArrearsCard'
import { CallSheet } from './CallSheet'
import { RemindPreviewSheet, type PreviewData } from './RemindPreviewSheet'
import './index.scss'

const PAGE = 20
type Arrears = ActionOutput<typeof feesContract, 'arrears'>

function PaidAfterReminder() {
  const q = useFnQuery(feesContract, 'paidAfterReminder', { days: 30 })
  return (
    <PageState loading={q.loading} error={q.error} hasData={!!q.data} empty={q.data?.items.length === 0} emptyText='近30天还没有催缴后缴费的住户' onRetry={() => void q.reload()}>
      {q.data?.items.map((r) => (
        <View key={r.householdId} className='card arrears-row' data-testid='paid-after-row'>
          <View className='arrears-row__main'>
            <Text className='arrears-row__label'>{r.label}</Text>
            <Text className='arrears-row__meta'>
              {dateTime(r.remindedAt)} 提醒 → {dateTime(r.paidAt)} 缴费
            </Text>
          </View>
          <View className='arrears-row__side'>
            <Text className='arrears-row__amount'>{yuan(r.paidFen)}</Text>
            <Text className='arrears-row__meta'>{r.billCount} 笔</Text>
          </View>
        </View>
      ))}
    </PageState>
  )
}

/**
 * 欠费催缴 (steward): households of my grid that owe, longest-owing first, each with its bills, a relay-number
 * call and a subscribe-message reminder (previewed and confirmed first; the server allows one per bill per
 * 3 days); and who paid after a reminder.
 */
export default function StewardArrearsPage() {
  const [tab, setTab] = useState<'arrears' | 'paid'>('arrears')
  const [data, setData] = useState<Arrears>()
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<FnError>()
  const [busy, setBusy] = useState(false)
  const seq = useRef(0)

  const load = useCallback(async (offset: number) => {
    const mine = ++seq.current
    setLoading(true)
    try {
      const res = await callFn(feesContract, 'arrears', { offset, limit: PAGE })
      if (mine !== seq.current) return
      setData((prev) => (offset === 0 || !prev ? res : { ...res, items: [...prev.items, ...res.items] }))
      setError(undefined)
    } catch (e) {
      if (mine === seq.current) setError(isFnError(e) ? e : new FnError('INTERNAL', '加载失败'))
    } finally {
      if (mine === seq.current) setLoading(false)
    }
  }, [])
  useEffect(() => void load(0), [load])
  usePullDownRefresh(() => void load(0).finally(() => Taro.stopPullDownRefresh()))
  useReachBottom(() => {
    if (tab === 'arrears' && data?.hasMore && !loading) void load(data.items.length)
  })

  const [preview, setPreview] = useState<PreviewData>()
  const [call, setCall] = useState<OwnerCall>()
  /** Step 1: show what would be sent; nothing leaves until the steward confirms. */
  const askRemind = async (householdIds: string[]) => {
    setBusy(true)
    try {
      setPreview(await callFn(feesContract, 'remindPreview', { householdIds }))
    } catch (e) {
      toastError(e)
    } finally {
      setBusy(false)
    }
  }
  const callOwner = async (householdId: string) => {
    setBusy(true)
    try {
      setCall(await callFn(feesContract, 'callOwner', { householdId }))
    } catch (e) {
      toastError(e)
    } finally {
      setBusy(false)
    }
  }
  /** Step 2: send to the households the preview said would receive it. */
  const remind = async (householdIds: string[]) => {
    setBusy(true)
    try {
      const { results } = await callFn(feesContract, 'remind', { householdIds })
      setPreview(undefined)
      const sent = results.filter((r) => r.status === 'sent').length
      if (sent > 0) toastOk(`已提醒 ${sent} 户`)
      else void Taro.showToast({ title: '3天内已提醒过，请稍后再试', icon: 'none' })
      await load(0)
    } catch (e) {
      toastError(e)
    } finally {
      setBusy(false)
    }
  }
  const remindable = data?.items.filter((r) => r.canRemind).map((r) => r.householdId) ?? []

  return (
    <View className='arrears-page'>
      <View className='card arrears-total'>
        <Text className='arrears-total__label'>我的网格欠费</Text>
        <Text className='arrears-total__amount' data-testid='arrears-households'>{data ? `${data.summary.households} 户` : '—'}</Text>
        <Text className='arrears-total__note'>{data ? `${data.summary.billCount} 笔账单，本金 ${yuan(data.summary.principalFen)}` : ''}</Text>
      </View>
      <View className='arrears-tabs'>
        <Text className={`arrears-tabs__tab ${tab === 'arrears' ? 'arrears-tabs__tab--on' : ''}`} onClick={() => setTab('arrears')}>
          欠费住户
        </Text>
        <Text className={`arrears-tabs__tab ${tab === 'paid' ? 'arrears-tabs__tab--on' : ''}`} onClick={() => setTab('paid')} data-testid='tab-paid-after'>
          催缴后已缴
        </Text>
      </View>
      {tab === 'paid' ? (
        <PaidAfterReminder />
      ) : (
        <PageState loading={loading} error={error} hasData={!!data} empty={data?.items.length === 0} emptyText='网格内没有欠费，太棒了' onRetry={() => void load(0)}>
          {remindable.length > 1 && (
            <View className='arrears-bulk'>
              <Button size='small' type='primary' disabled={busy} onClick={() => void askRemind(remindable.slice(0, 20))} data-testid='remind-page'>
                提醒本页 {Math.min(remindable.length, 20)} 户
              </Button>
            </View>
          )}
          {data?.items.map((row) => (
            <ArrearsCard key={row.householdId} row={row} busy={busy} onRemind={() => void askRemind([row.householdId])} onCall={() => void callOwner(row.householdId)} />
          ))}
          {data && data.items.length > 0 && <Text className='arrears-more'>{data.hasMore ? (loading ? '加载中…' : '上拉加载更多') : '没有更多了'}</Text>}
        </PageState>
      )}
      {preview && (
        <RemindPreviewSheet
          preview={preview}
          busy={busy}
          onClose={() => setPreview(undefined)}
          onConfirm={() => void remind(preview.items.filter((i) => i.status === 'will_send').map((i) => i.householdId))}
        />
      )}
      {call && <CallSheet call={call} onClose={() => setCall(undefined)} />}
    </View>
  )
}
