import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { merchantsContract, type MerchantOrder } from '@contracts/merchants.contract'
import { useFnPaged } from '@/hooks/use-fn-paged'
import { useFnMutation } from '@/hooks/use-fn-mutation'
import { PageState } from '@/components/PageState'
import { ListFooter } from '@/components/ListFooter'
import { dateTime, yuan } from '@/services/format'
import { toastOk } from '@/services/toast'
import { ratePct } from '../../components/merchant-labels'
import { orderSplitUrl } from '../../components/split-links'

function OrderCard({ o, onDelivered }: { o: MerchantOrder; onDelivered: () => void }) {
  const deliver = useFnMutation(merchantsContract, 'markDelivered')
  const refundedAll = o.refundedFen >= o.grossFen
  const mark = async () => {
    if (await deliver.run({ orderId: o.orderId })) {
      toastOk(o.type === 'service' ? '已确认服务完成' : '已标记送达')
      onDelivered()
    }
  }
  return (
    <View className='mc-card' data-testid='merchant-order' data-order-id={o.orderId}>
      <View className='mc-card__row'>
        <Text className='mc-card__title'>{o.title}</Text>
        {refundedAll ? <Text className='mc-tag mc-tag--alert'>已退款</Text> : o.toDeliver ? <Text className='mc-tag mc-tag--wait'>待送达</Text> : <Text className='mc-tag mc-tag--ok'>{o.deliveredAt ? '已送达' : '已完成'}</Text>}
      </View>
      {/* Two short lines: one long line broke the payment time in two at 320 px. */}
      <Text className='mc-card__meta'>{`${o.type === 'groupbuy' ? '团购' : '上门服务'} · ${o.orderNo ?? o.orderId}`}</Text>
      <Text className='mc-card__meta'>{`${dateTime(o.paidAt)} 支付`}</Text>
      <View className='mc-card__money'>
        <Text>{`实付 ${yuan(o.grossFen)}`}</Text>
        <Text className='mc-card__strong'>{`本店应得 ${yuan(o.merchantFen)}`}</Text>
        <Text>{`扣点 ${ratePct(o.rateBp)} ${yuan(o.commissionFen)}`}</Text>
        {o.refundedFen > 0 && !refundedAll && <Text className='mc-card__neg'>{`已退 ${yuan(o.refundedFen)}`}</Text>}
      </View>
      {/* The split link and the one action share a row (they left a blank row between them). */}
      <View className='mc-card__actions mc-card__actions--split'>
        <Text className='mc-link' onClick={() => void Taro.navigateTo({ url: orderSplitUrl(o.orderId) })} data-testid='split-link'>
          分账明细 ›
        </Text>
        {o.toDeliver && (
          <Button size='small' type='primary' loading={deliver.busy} onClick={() => void mark()} data-testid='mark-delivered'>
            {o.type === 'service' ? '服务已完成' : '标记送达'}
          </Button>
        )}
      </View>
    </View>
  )
}

/** The merchant's own orders (only those it sells), newest first; what waits for delivery first when asked. */
export function MerchantOrders({ filter }: { filter: 'all' | 'to_deliver' }) {
  const list = useFnPaged(merchantsContract, 'orders', { filter }, { reloadOnReturn: true })
  return (
    <PageState loading={list.loading && !list.loaded} error={list.error} hasData={list.loaded} empty={list.loaded && list.items.length === 0} emptyText={filter === 'to_deliver' ? '没有待送达的订单：住户支付后，新订单会出现在这里' : '还没有订单：住户购买本店的团购或服务后，订单会出现在这里'} onRetry={() => void list.reload()}>
      {list.items.map((o) => (
        <OrderCard key={o.orderId} o={o} onDelivered={() => void list.reload()} />
      ))}
      <ListFooter loadingMore={list.loadingMore} hasMore={list.hasMore} count={list.items.length} />
    </PageState>
  )
}
