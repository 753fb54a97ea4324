import { useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ordersContract, type OrderView } from '@contracts/orders.contract'
import { callFn } from '@/services/call-fn'
import { useFnQuery } from '@/hooks/use-fn-query'
import { PageState } from '@/components/PageState'
import { Timeline } from '../../components/Timeline'
import { TYPE_LABELS, shortTime, statusLabel, yuan } from '../../components/labels'
import { usePayment } from '@/components/payment/use-payment'
import { toastError, toastOk } from '@/services/toast'
import '../../components/orders.scss'
import './index.scss'

const REFUND_STATUS = { pending: '处理中', succeeded: '已退款', failed: '退款失败' } as const

function Actions({ order, onChanged, pay }: { order: OrderView; onChanged: () => Promise<void>; pay: ReturnType<typeof usePayment>['pay'] }) {
  const [busy, setBusy] = useState(false)
  const run = async (work: () => Promise<unknown>) => {
    setBusy(true)
    try {
      await work()
    } catch (e) {
      toastError(e)
    } finally {
      setBusy(false)
      await onChanged()
    }
  }
  const doPay = () =>
    run(async () => {
      const { payment } = await callFn(ordersContract, 'pay', { orderId: order.orderId })
      if ((await pay(payment)) === 'paid') toastOk('支付成功')
    })
  const doCancel = async () => {
    const { confirm } = await Taro.showModal({ title: '取消订单', content: '确定取消这个订单吗？', confirmText: '取消订单', cancelText: '再想想' })
    if (confirm) await run(() => callFn(ordersContract, 'cancel', { orderId: order.orderId }))
  }
  const doRefund = async () => {
    const { confirm } = await Taro.showModal({ title: '申请退款', content: `将退回 ${yuan(order.refundableFen)} 到原支付账户`, confirmText: '申请退款' })
    if (confirm) await run(async () => {
      await callFn(ordersContract, 'requestRefund', { orderId: order.orderId, reason: '用户申请退款' })
      toastOk('已提交退款')
    })
  }
  if (!order.can.pay && !order.can.cancel && !order.can.refund) return null
  return (
    <View className='order-actions'>
      {order.can.cancel && <Button disabled={busy} onClick={() => void doCancel()}>取消订单</Button>}
      {order.can.refund && <Button disabled={busy} onClick={() => void doRefund()}>申请退款</Button>}
      {order.can.pay && <Button type='primary' loading={busy} disabled={busy} onClick={() => void doPay()}>去支付 {yuan(order.amountFen)}</Button>}
    </View>
  )
}

/** 订单详情: what was bought, the money, the status timeline, and pay / cancel / refund. */
export default function OrderDetailPage() {
  const orderId = useRouter().params.orderId ?? ''
  const q = useFnQuery(ordersContract, 'detail', { orderId })
  const { pay, sheet } = usePayment()
  usePullDownRefresh(() => {
    void q.reload().finally(() => Taro.stopPullDownRefresh())
  })
  const o = q.data?.order
  return (
    <View className='order-detail'>
      <PageState loading={q.loading} error={q.error} hasData={!!o} onRetry={() => void q.reload()}>
        {o && (
          <>
            <View className='card order-detail__head'>
              <Text className={`order-detail__status order-status order-status--${o.status}`} data-testid='order-status'>{statusLabel(o.status)}</Text>
              {o.status === 'created' && o.expiresAt && <Text className='order-detail__hint'>请在 {shortTime(o.expiresAt)} 前完成支付，超时订单自动关闭</Text>}
            </View>
            <View className='card'>
              <Text className='order-detail__type'>{TYPE_LABELS[o.type]}</Text>
              {o.lines.map((l) => (
                <View key={`${l.refType}-${l.refId}`} className='order-line'>
                  <Text className='order-line__title'>{l.title}</Text>
                  <Text className='order-line__qty'>{yuan(l.unitPriceFen)} × {l.quantity}</Text>
                </View>
              ))}
              <View className='order-line order-line--total'>
                <Text>合计</Text>
                <Text className='order-detail__amount'>{yuan(o.amountFen)}</Text>
              </View>
              {o.refundedFen > 0 && (
                <View className='order-line'>
                  <Text>已退款</Text>
                  <Text>{yuan(o.refundedFen)}</Text>
                </View>
              )}
              <Text className='order-detail__id' data-testid='order-no'>订单号 {o.orderNo}</Text>
            </View>
            {o.refunds.length > 0 && (
              <View className='card'>
                <Text className='order-detail__section'>退款记录</Text>
                {o.refunds.map((r) => (
                  <View key={r.refundId} className='order-line' data-testid='refund-row'>
                    <Text>{shortTime(r.requestedAt)} {yuan(r.amountFen)}</Text>
                    <Text>{REFUND_STATUS[r.status]}</Text>
                  </View>
                ))}
              </View>
            )}
            <View className='card'>
              <Text className='order-detail__section'>订单进度</Text>
              <Timeline entries={o.timeline} />
            </View>
            <Actions order={o} pay={pay} onChanged={q.reload} />
          </>
        )}
      </PageState>
      {sheet}
    </View>
  )
}
