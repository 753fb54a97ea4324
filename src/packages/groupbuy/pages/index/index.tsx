import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { PageState } from '@/components/PageState'
import { CampaignItem } from '../../components/CampaignItem'
import { groupbuyContract } from '@contracts/groupbuy.contract'
import { useFnPaged } from '@/hooks/use-fn-paged'
import { MY_ORDERS_URL } from '../../components/labels'
import '../../components/groupbuy.scss'

/** 社区团购: my community's campaigns (open ones first), paged, with a way to my group-buy orders. */
export default function GroupbuyListPage() {
  const list = useFnPaged(groupbuyContract, 'campaigns', {}, { limit: 10 })
  const { items, hasMore, loadingMore, loadMore } = list
  const unbound = list.last?.communityId === null
  const now = Date.now()
  return (
    <View className='gb-page'>
      <View className='gb-toolbar'>
        <Text className='section-title'>本小区团购</Text>
        <View className='gb-toolbar__links'>
          <Text className='gb-link' data-testid='polls-link' onClick={() => void Taro.navigateTo({ url: '/packages/groupbuy/pages/polls/index' })}>
            严选预售 ›
          </Text>
          <Text className='gb-link' data-testid='my-groupbuy-orders' onClick={() => void Taro.navigateTo({ url: MY_ORDERS_URL })}>
            我的团购订单 ›
          </Text>
        </View>
      </View>
      <PageState
        loading={list.loading}
        error={list.error}
        hasData={list.loaded}
        empty={unbound || items.length === 0}
        emptyText={unbound ? '绑定房屋后即可参加本小区团购' : '暂时没有团购活动，敬请期待'}
        emptyAction={
          unbound ? (
            <Button size='small' type='primary' onClick={() => void Taro.navigateTo({ url: '/packages/households/pages/bind/index' })}>
              去绑定
            </Button>
          ) : undefined
        }
        onRetry={() => void list.reload()}
      >
        {items.map((c) => (
          <CampaignItem key={c.campaignId} campaign={c} serverNow={now} />
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
