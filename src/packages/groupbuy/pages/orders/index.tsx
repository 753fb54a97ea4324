import { View, Text } from '@tarojs/components'
import { PageState } from '@/components/PageState'
import { EntryCard } from '../../components/EntryCard'
import { groupbuyContract } from '@contracts/groupbuy.contract'
import { useFnPaged } from '@/hooks/use-fn-paged'
import '../../components/groupbuy.scss'

/** 我的团购 (reloaded on return from paying or from the order page: the stage may have moved): my households' group-buy orders, newest first, with pickup codes once a group forms. */
export default function MyGroupbuyOrdersPage() {
  const list = useFnPaged(groupbuyContract, 'myOrders', {}, { limit: 10, reloadOnReturn: true })
  const { items, hasMore, loadingMore, loadMore } = list
  return (
    <View className='gb-page'>
      <PageState loading={list.loading} error={list.error} hasData={list.loaded} empty={items.length === 0} emptyText='还没有团购订单' onRetry={() => void list.reload()}>
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
