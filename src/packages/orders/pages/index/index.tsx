import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { ordersContract, type OrderStatus, type OrderSummary } from '@contracts/orders.contract'
import { callFn, FnError, isFnError } from '@/services/call-fn'
import { PageState } from '@/components/PageState'
import { OrderCard } from '../../components/OrderCard'
import { FILTERS } from '../../components/labels'
import '../../components/orders.scss'
import './index.scss'

const PAGE = 20

/** 我的订单: the orders of the caller's households, newest first, filtered by status, paged. */
export default function OrdersPage() {
  const [status, setStatus] = useState<OrderStatus | 'all'>('all')
  const [items, setItems] = useState<OrderSummary[]>()
  const [hasMore, setHasMore] = useState(false)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<FnError>()
  const seq = useRef(0)

  const load = useCallback(
    async (offset: number) => {
      const mine = ++seq.current
      setLoading(true)
      try {
        const res = await callFn(ordersContract, 'list', { status, offset, limit: PAGE })
        if (mine !== seq.current) return
        setItems((prev) => (offset === 0 ? res.items : [...(prev ?? []), ...res.items]))
        setHasMore(res.hasMore)
        setError(undefined)
      } catch (e) {
        if (mine === seq.current) setError(isFnError(e) ? e : new FnError('INTERNAL', '加载失败'))
      } finally {
        if (mine === seq.current) setLoading(false)
      }
    },
    [status],
  )

  useEffect(() => {
    setItems(undefined)
    void load(0)
  }, [load])
  // Back from a detail page (paid, cancelled, refunded): show the new state.
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void load(0)
    shown.current = true
  })
  usePullDownRefresh(() => {
    void load(0).finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    if (hasMore && !loading) void load(items?.length ?? 0)
  })

  return (
    <View className='orders-page'>
      <View className='orders-page__services card' onClick={() => void Taro.navigateTo({ url: '/packages/orders/pages/services/index' })}>
        <Text className='orders-page__services-title'>预约到家服务</Text>
        <Text className='orders-page__services-text'>上门保洁 · 空调清洗 · 管道疏通 ›</Text>
      </View>
      <View className='order-filters'>
        {FILTERS.map((f) => (
          <Text key={f.key} className={`order-filters__chip ${f.key === status ? 'order-filters__chip--on' : ''}`} onClick={() => setStatus(f.key)}>
            {f.title}
          </Text>
        ))}
      </View>
      <PageState loading={loading} error={error} hasData={!!items} empty={items?.length === 0} emptyText='还没有订单' onRetry={() => void load(0)}>
        {items?.map((o) => <OrderCard key={o.orderId} order={o} />)}
        {items && items.length > 0 && <Text className='orders-page__more'>{hasMore ? (loading ? '加载中…' : '上拉加载更多') : '没有更多了'}</Text>}
      </PageState>
    </View>
  )
}
