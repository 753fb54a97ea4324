import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { feesContract, type ReceiptSummary } from '@contracts/fees.contract'
import { callFn, FnError, isFnError } from '@/services/call-fn'
import { useFnQuery } from '@/hooks/use-fn-query'
import { PageState } from '@/components/PageState'
import { dateTime, receiptUrl, yuan } from '../../components/labels'
import '../../components/fees.scss'

const PAGE = 20

function ReceiptCard({ r }: { r: ReceiptSummary }) {
  return (
    <View className='card fees-receipt-card' data-testid='receipt-card' onClick={() => void Taro.navigateTo({ url: receiptUrl(r.receiptId) })}>
      <View className='fees-receipt-card__head'>
        <Text className='fees-receipt-card__title'>{r.title}</Text>
        <Text className='fees-receipt-card__amount'>{yuan(r.totalFen)}</Text>
      </View>
      <View className='fees-receipt-card__foot'>
        <Text className='fees-receipt-card__time'>
          {r.label} · {r.billCount} 笔 · {dateTime(r.paidAt)}
        </Text>
        {r.refunded && <Text className='fees-receipt-card__refunded'>已退款</Text>}
      </View>
    </View>
  )
}

function Receipts() {
  const [items, setItems] = useState<ReceiptSummary[]>()
  const [hasMore, setHasMore] = useState(false)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<FnError>()
  const seq = useRef(0)
  const load = useCallback(async (offset: number) => {
    const mine = ++seq.current
    setLoading(true)
    try {
      const res = await callFn(feesContract, 'history', { offset, limit: PAGE })
      if (mine !== seq.current) return
      setItems((prev) => (offset === 0 ? res.items : [...(prev ?? []), ...res.items]))
      setHasMore(res.hasMore)
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
    if (hasMore && !loading) void load(items?.length ?? 0)
  })
  return (
    <PageState loading={loading} error={error} hasData={!!items} empty={items?.length === 0} emptyText='还没有缴费记录' onRetry={() => void load(0)}>
      {items?.map((r) => <ReceiptCard key={r.receiptId} r={r} />)}
      {items && items.length > 0 && <Text className='fees-more'>{hasMore ? (loading ? '加载中…' : '上拉加载更多') : '没有更多了'}</Text>}
    </PageState>
  )
}

function Invoices() {
  const q = useFnQuery(feesContract, 'invoices', {})
  usePullDownRefresh(() => void q.reload().finally(() => Taro.stopPullDownRefresh()))
  return (
    <PageState loading={q.loading} error={q.error} hasData={!!q.data} empty={q.data?.items.length === 0} emptyText='还没有发票申请，可在收据页申请' onRetry={() => void q.reload()}>
      {q.data?.items.map((i) => (
        <View key={i.invoiceId} className='card fees-receipt-card' data-testid='invoice-card'>
          <View className='fees-receipt-card__head'>
            <Text className='fees-receipt-card__title'>{i.title.name}</Text>
            <Text className='fees-receipt-card__amount'>{yuan(i.amountFen)}</Text>
          </View>
          <View className='fees-receipt-card__foot'>
            <Text className='fees-receipt-card__time'>
              {i.title.type === 'company' ? `单位 · 税号 ${i.title.taxId}` : '个人'} · {i.billIds.length} 笔 · {dateTime(i.requestedAt)}
            </Text>
            <Text className='fees-receipt-card__refunded'>{i.status === 'issued' ? `已开具 ${i.invoiceNo ?? ''}` : '开票中'}</Text>
          </View>
        </View>
      ))}
    </PageState>
  )
}

/** 缴费记录: one receipt per payment, newest first; and the invoice requests made for them. */
export default function FeesHistoryPage() {
  const { params } = useRouter()
  const [tab, setTab] = useState<'receipts' | 'invoices'>(params.tab === 'invoices' ? 'invoices' : 'receipts')
  return (
    <View className='fees-page'>
      <View className='fees-tabs'>
        <Text className={`fees-tabs__tab ${tab === 'receipts' ? 'fees-tabs__tab--on' : ''}`} onClick={() => setTab('receipts')}>
          缴费记录
        </Text>
        <Text className={`fees-tabs__tab ${tab === 'invoices' ? 'fees-tabs__tab--on' : ''}`} onClick={() => setTab('invoices')}>
          发票申请
        </Text>
      </View>
      {tab === 'receipts' ? <Receipts /> : <Invoices />}
    </View>
  )
}
