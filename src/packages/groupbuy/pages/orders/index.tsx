import { useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { PageState } from '@/components/PageState'
import { EntryCard } from '../../components/EntryCard'
import { usePaged } from '../../components/use-paged'
import '../../components/groupbuy.scss'

/** 我的团购: my households' group-buy orders, newest first, with pickup codes once a group forms. */
export default function MyGroupbuyOrdersPage() {
  const { first, items, hasMore, loadingMore, loadMore } = usePaged('myOrders')
  const [shown, setShown] = useState(false)
  // Back from paying or from the order page: the stage may have moved.
  useDidShow(() => {
    if (shown) void first.reload()
    setShown(true)
  })
  return (
    <View className='gb-page'>
      <PageState loading={first.loading} error={first.error} hasData={!!first.data} empty={items.length === 0} emptyText='还没有团购订单' onRetry={() => void first.reload()}>
        {items.map((e) => (
          <EntryCard key={e.orderId} entry={e} />
        ))}
        {hasMore && (
          <View className='gb-more' onClick={() => void loadMore()}>
            <Text>{loadingMore ? '加载中…' : '加载更多'}</Text>
          </View>
        )}
      </PageState>
    </View>
  )
}
