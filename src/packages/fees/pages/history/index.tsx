import { useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { feesContract, type ReceiptSummary } from '@contracts/fees.contract'
import { useFnPaged } from '@/hooks/use-fn-paged'
import { useFnQuery } from '@/hooks/use-fn-query'
import { PageState } from '@/components/PageState'
import { SegmentTabs } from '@/components/SegmentTabs'
import { ListFooter } from '@/components/ListFooter'
import { dateTime, receiptUrl, yuan } from '../../components/labels'
import { OrderStatusBadge } from '@/components/order/OrderStatusBadge'
import '../../components/fees.scss'

const PAGE = 20

function ReceiptCard({ r }: { r: ReceiptSummary }) {
  return (
    <View className='card fees-receipt-card' data-testid='receipt-card' data-order-id={r.orderId} onClick={() => void Taro.navigateTo({ url: receiptUrl(r.receiptId) })}>
      <View className='fees-receipt-card__head'>
        <Text className='fees-receipt-card__title'>{r.title}</Text>
        <OrderStatusBadge display={r.display} />
      </View>
      <View className='fees-receipt-card__foot'>
        <Text className='fees-receipt-card__time'>
          {r.label} · {r.billCount} 笔 · {dateTime(r.paidAt)}
          {r.orderNo ? ` · ${r.orderNo}` : ''}
        </Text>
        <Text className='fees-receipt-card__amount'>{yuan(r.totalFen)}</Text>
      </View>
    </View>
  )
}

function Receipts() {
  const list = useFnPaged(feesContract, 'history', {}, { limit: PAGE, reloadOnReturn: true })
  return (
    <PageState loading={list.loading} error={list.error} hasData={list.loaded} empty={list.loaded && list.items.length === 0} emptyText='还没有缴费记录' onRetry={() => void list.reload()}>
      {list.items.map((r) => <ReceiptCard key={r.receiptId} r={r} />)}
      <ListFooter count={list.items.length} hasMore={list.hasMore} loadingMore={list.loadingMore} />
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
      <SegmentTabs tabs={[{ key: 'receipts', title: '缴费记录' }, { key: 'invoices', title: '发票申请' }]} value={tab} onChange={setTab} />
      {tab === 'receipts' ? <Receipts /> : <Invoices />}
    </View>
  )
}
