import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { ordersContract, type OrderStatus } from '@contracts/orders.contract'
import { useFnPaged } from '@/hooks/use-fn-paged'
import { PageState } from '@/components/PageState'
import { ListFooter } from '@/components/ListFooter'
import { OrderCard } from '@/components/order/OrderCard'
import { FILTERS } from '../../components/labels'
import '../../components/orders.scss'
import './index.scss'

const PAGE = 20

/** 我的订单: the orders of the caller's households, newest first, filtered by status, paged. */
export default function OrdersPage() {
  const [status, setStatus] = useState<OrderStatus | 'all'>('all')
  // Back from a detail page (paid, cancelled, refunded): show the new state.
  const list = useFnPaged(ordersContract, 'list', { status }, { limit: PAGE, reloadOnReturn: true })

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
      <PageState loading={list.loading} error={list.error} hasData={list.loaded} empty={list.loaded && list.items.length === 0} emptyText='还没有订单' onRetry={() => void list.reload()}>
        {list.items.map((o) => <OrderCard key={o.orderId} order={o} />)}
        <ListFooter count={list.items.length} hasMore={list.hasMore} loadingMore={list.loadingMore} />
      </PageState>
    </View>
  )
}
