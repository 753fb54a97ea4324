import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { feesContract, type ArrearsRow } from '@contracts/fees.contract'
import type { ActionOutput } from '@contracts/envelope'
import { callFn, FnError, isFnError } from '@/services/call-fn'
import { useFnQuery } from '@/hooks/use-fn-query'
import { PageState } from '@/components/PageState'
import { toastError, toastOk } from '../../../orders/components/toast'
import { dateTime, periodLabel, yuan } from '../../../fees/components/labels'
import '../../../fees/components/fees.scss'
import './index.scss'

const PAGE = 20
type Arrears = ActionOutput<typeof feesContract, 'arrears'>

function ArrearsCard({ row, onRemind, busy }: { row: ArrearsRow; onRemind: () => void; busy: boolean }) {
  return (
    <View className='card arrears-row' data-testid='arrears-row' data-household-id={row.householdId}>
      <View className='arrears-row__main'>
        <Text className='arrears-row__label'>{row.label}</Text>
        <Text className='arrears-row__meta'>
          欠 {row.monthsOwed} 个月 · {row.billCount} 笔 · 自{periodLabel(row.oldestPeriod)}起
        </Text>
        <Text className='arrears-row__meta'>{row.lastRemindedAt ? `上次提醒 ${dateTime(row.lastRemindedAt)}` : '尚未提醒'}</Text>
      </View>
      <View className='arrears-row__side'>
        <Text className='arrears-row__amount'>{yuan(row.amountFen)}</Text>
        {row.lateFeeFen > 0 && <Text className='arrears-row__late'>含滞纳金 {yuan(row.lateFeeFen)}</Text>}
        <Button size='small' type='primary' fill='outline' disabled={!row.canRemind || busy} onClick={onRemind} data-testid='remind'>
          {row.canRemind ? '提醒缴费' : '3天内已提醒'}
        </Button>
      </View>
    </View>
  )
}

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
 * 欠费催缴 (steward): households of my grid that owe, longest-owing first, with a subscribe-message
 * reminder per household (the server allows one per bill per 3 days); and who paid after a reminder.
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

  const remind = async (householdIds: string[]) => {
    setBusy(true)
    try {
      const { results } = await callFn(feesContract, 'remind', { householdIds })
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
    <View className='fees-page'>
      <View className='card fees-total'>
        <Text className='fees-total__label'>我的网格欠费</Text>
        <Text className='fees-total__amount' data-testid='arrears-households'>{data ? `${data.summary.households} 户` : '—'}</Text>
        <Text className='fees-total__note'>{data ? `${data.summary.billCount} 笔账单，本金 ${yuan(data.summary.principalFen)}` : ''}</Text>
      </View>
      <View className='fees-tabs'>
        <Text className={`fees-tabs__tab ${tab === 'arrears' ? 'fees-tabs__tab--on' : ''}`} onClick={() => setTab('arrears')}>
          欠费住户
        </Text>
        <Text className={`fees-tabs__tab ${tab === 'paid' ? 'fees-tabs__tab--on' : ''}`} onClick={() => setTab('paid')} data-testid='tab-paid-after'>
          催缴后已缴
        </Text>
      </View>
      {tab === 'paid' ? (
        <PaidAfterReminder />
      ) : (
        <PageState loading={loading} error={error} hasData={!!data} empty={data?.items.length === 0} emptyText='网格内没有欠费，太棒了' onRetry={() => void load(0)}>
          {remindable.length > 1 && (
            <View className='arrears-bulk'>
              <Button size='small' type='primary' disabled={busy} onClick={() => void remind(remindable.slice(0, 20))}>
                提醒本页 {Math.min(remindable.length, 20)} 户
              </Button>
            </View>
          )}
          {data?.items.map((row) => <ArrearsCard key={row.householdId} row={row} busy={busy} onRemind={() => void remind([row.householdId])} />)}
          {data && data.items.length > 0 && <Text className='fees-more'>{data.hasMore ? (loading ? '加载中…' : '上拉加载更多') : '没有更多了'}</Text>}
        </PageState>
      )}
    </View>
  )
}
