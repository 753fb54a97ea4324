import { useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ordersContract, type OrderView } from '@contracts/orders.contract'
import { callFn } from '@/services/call-fn'
import { useFnQuery } from '@/hooks/use-fn-query'
import { PageState } from '@/components/PageState'
import { OrderStatusBadge } from '@/components/order/OrderStatusBadge'
import { OrderTimeline } from '@/components/order/OrderTimeline'
import { AmountBreakdown } from '@/components/order/AmountBreakdown'
import { OrderMeta } from '@/components/order/OrderMeta'
import { PickupInfo } from '@/components/order/PickupInfo'
import { RefundList } from '@/components/order/RefundList'
import { dateTime, yuan } from '@/components/order/order-format'
import { usePayment } from '@/components/payment/use-payment'
import { toastError, toastOk } from '@/services/toast'
import './index.scss'

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

/** 订单详情 (every order type): the status, pickup (group buys), the money, refunds, number and dates, the timeline; pay / cancel / refund. */
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
            <View className='card'>
              <OrderStatusBadge display={o.display} large />
              {o.status === 'created' && o.expiresAt && <Text className='order-detail__hint'>请在 {dateTime(o.expiresAt)} 前完成支付</Text>}
            </View>
            {o.pickup && <PickupInfo pickup={o.pickup} done={o.display.key === 'completed'} />}
            <View className='card'>
              <Text className='order-detail__title'>{o.title}</Text>
              <AmountBreakdown lines={o.lines.map((l) => ({ key: `${l.refType}-${l.refId}`, title: l.title, quantity: l.quantity, unitPriceFen: l.unitPriceFen }))} amountFen={o.amountFen} paidFen={o.paidFen} refundedFen={o.refundedFen} />
            </View>
            <RefundList refunds={o.refunds} />
            <View className='card'>
              <OrderMeta orderNo={o.orderNo} type={o.type} createdAt={o.createdAt} paidAt={o.paidAt} />
            </View>
            <View className='card'>
              <Text className='order-section__title'>订单进度</Text>
              <OrderTimeline entries={o.timeline} />
            </View>
            <Actions order={o} pay={pay} onChanged={q.reload} />
          </>
        )}
      </PageState>
      {sheet}
    </View>
  )
}
