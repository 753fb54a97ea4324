import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { feesContract, type ArrearsRow } from '@contracts/fees.contract'
import { callFn } from '@/services/call-fn'
import { useFnPaged } from '@/hooks/use-fn-paged'
import { useFnQuery } from '@/hooks/use-fn-query'
import { PageState } from '@/components/PageState'
import { toastError, toastOk } from '@/services/toast'
import { dateTime, periodLabel, yuan } from '@/services/format'
import { SegmentTabs } from '@/components/SegmentTabs'
import { ListFooter } from '@/components/ListFooter'
import './index.scss'

const PAGE = 20

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
  const list = useFnPaged(feesContract, 'arrears', {}, { limit: PAGE })
  const data = list.loaded ? list.last : undefined
  const [busy, setBusy] = useState(false)

  const remind = async (householdIds: string[]) => {
    setBusy(true)
    try {
      const { results } = await callFn(feesContract, 'remind', { householdIds })
      const sent = results.filter((r) => r.status === 'sent').length
      if (sent > 0) toastOk(`已提醒 ${sent} 户`)
      else void Taro.showToast({ title: '3天内已提醒过，请稍后再试', icon: 'none' })
      await list.reload()
    } catch (e) {
      toastError(e)
    } finally {
      setBusy(false)
    }
  }
  const remindable = list.items.filter((r) => r.canRemind).map((r) => r.householdId)

  return (
    <View className='arrears-page'>
      <View className='card arrears-total'>
        <Text className='arrears-total__label'>我的网格欠费</Text>
        <Text className='arrears-total__amount' data-testid='arrears-households'>{data ? `${data.summary.households} 户` : '—'}</Text>
        <Text className='arrears-total__note'>{data ? `${data.summary.billCount} 笔账单，本金 ${yuan(data.summary.principalFen)}` : ''}</Text>
      </View>
      <SegmentTabs tabs={[{ key: 'arrears', title: '欠费住户' }, { key: 'paid', title: '催缴后已缴', testId: 'tab-paid-after' }]} value={tab} onChange={setTab} />
      {tab === 'paid' ? (
        <PaidAfterReminder />
      ) : (
        <PageState loading={list.loading} error={list.error} hasData={list.loaded} empty={list.loaded && list.items.length === 0} emptyText='网格内没有欠费，太棒了' onRetry={() => void list.reload()}>
          {remindable.length > 1 && (
            <View className='arrears-bulk'>
              <Button size='small' type='primary' disabled={busy} onClick={() => void remind(remindable.slice(0, 20))}>
                提醒本页 {Math.min(remindable.length, 20)} 户
              </Button>
            </View>
          )}
          {list.items.map((row) => <ArrearsCard key={row.householdId} row={row} busy={busy} onRemind={() => void remind([row.householdId])} />)}
          <ListFooter count={list.items.length} hasMore={list.hasMore} loadingMore={list.loadingMore} />
        </PageState>
      )}
    </View>
  )
}
