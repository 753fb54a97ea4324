import { useEffect, useRef } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { feesContract } from '@contracts/fees.contract'
import { useFnQuery } from '@/hooks/use-fn-query'
import { PageState } from '@/components/PageState'
import { dateTime, INVOICE_STATUS_LABELS, invoiceUrl, periodLabel, yuan } from '../../components/labels'
import '../../components/fees.scss'
import { OrderStatusBadge } from '@/components/order/OrderStatusBadge'
import { orderDetailUrl } from '@/components/order/order-format'

/**
 * 电子收据 of one payment. Opened right after paying, the payment notify may still be on its way: the
 * receipt then does not exist yet, so the page asks again a few times before showing an error.
 */
export default function FeesReceiptPage() {
  const { params } = useRouter()
  const receiptId = params.receiptId ?? ''
  const q = useFnQuery(feesContract, 'receipt', { receiptId })
  const tries = useRef(0)
  useEffect(() => {
    if (q.error?.code === 'NOT_FOUND' && tries.current < 5) {
      tries.current += 1
      const t = setTimeout(() => void q.reload(), 1000)
      return () => clearTimeout(t)
    }
  }, [q.error, q])
  usePullDownRefresh(() => void q.reload().finally(() => Taro.stopPullDownRefresh()))
  const r = q.data?.receipt
  const waiting = q.error?.code === 'NOT_FOUND' && tries.current < 5
  const canInvoice = !!r && r.payerIsMe && !r.refunded && r.lines.some((l) => l.invoiceStatus === 'none')

  return (
    <View className='fees-page'>
      <PageState loading={q.loading || waiting} error={waiting ? undefined : q.error} hasData={!!r} onRetry={() => void q.reload()}>
        {r && (
          <>
            <View className='card fees-total' data-testid='receipt'>
              <OrderStatusBadge display={r.display} />
              <Text className='fees-total__amount' data-testid='receipt-total'>{yuan(r.totalFen)}</Text>
              <Text className='fees-total__note'>{r.label}</Text>
            </View>
            <View className='card'>
              {r.lines.map((l) => (
                <View key={l.billId} className='fees-receipt__line' data-testid='receipt-line'>
                  <View className='fees-receipt__line-body'>
                    <Text>
                      {l.itemName} · {periodLabel(l.period)}
                    </Text>
                    <Text className='fees-receipt__line-meta'>
                      本金 {yuan(l.principalFen)}
                      {l.lateFeeFen > 0 ? ` · 滞纳金 ${yuan(l.lateFeeFen)}` : ''}
                      {INVOICE_STATUS_LABELS[l.invoiceStatus] ? ` · ${INVOICE_STATUS_LABELS[l.invoiceStatus]}` : ''}
                    </Text>
                  </View>
                  <Text>{yuan(l.amountFen)}</Text>
                </View>
              ))}
              <View className='fees-receipt__row'>
                <Text className='fees-receipt__row-label'>收据编号</Text>
                <Text data-testid='receipt-no'>{r.receiptNo}</Text>
              </View>
              {r.orderNo && (
                <View className='fees-receipt__row' onClick={() => void Taro.navigateTo({ url: orderDetailUrl(r.orderId) })}>
                  <Text className='fees-receipt__row-label'>订单号</Text>
                  <Text className='fees-receipt__link'>{r.orderNo} ›</Text>
                </View>
              )}
              <View className='fees-receipt__row'>
                <Text className='fees-receipt__row-label'>缴费时间</Text>
                <Text>{dateTime(r.paidAt)}</Text>
              </View>
              <View className='fees-receipt__row'>
                <Text className='fees-receipt__row-label'>本金 / 滞纳金</Text>
                <Text>
                  {yuan(r.principalFen)} / {yuan(r.lateFeeFen)}
                </Text>
              </View>
            </View>
            {canInvoice && (
              <View className='fees-receipt__actions'>
                <Button block type='primary' fill='outline' onClick={() => void Taro.navigateTo({ url: invoiceUrl(r.receiptId) })} data-testid='request-invoice'>
                  申请发票
                </Button>
              </View>
            )}
          </>
        )}
      </PageState>
    </View>
  )
}
