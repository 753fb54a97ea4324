import Taro, { useDidShow, usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { groupbuyContract } from '@contracts/groupbuy.contract'
import { useFnQuery } from '@/hooks/use-fn-query'
import { PageState } from '@/components/PageState'
import { QrMatrix } from '@/components/qr/QrMatrix'
import { OrderStatusBadge } from '@/components/order/OrderStatusBadge'
import { orderDetailUrl } from '@/components/order/order-format'
import { PushConsentCard } from '@/components/push-consent/PushConsentCard'
import { SharePanel } from '../../components/SharePanel'
import { detailUrl, MY_ORDERS_URL, shareLink, spacedCode, windowText, yuan } from '../../components/labels'
import '../../components/groupbuy.scss'

/**
 * 团购订单: right after paying it says "差 N 户成团" and invites neighbours (card and poster, carrying the
 * steward id the resident came with); once formed it shows the pickup code as QR and digits, and per SKU
 * what was already handed over. Ended campaigns stop offering to share.
 */
export default function GroupbuyOrderPage() {
  const { params } = useRouter()
  const orderId = params.orderId ?? ''
  const q = useFnQuery(groupbuyContract, 'myOrder', { orderId })
  useDidShow(() => void q.reload())
  usePullDownRefresh(() => void q.reload().finally(() => Taro.stopPullDownRefresh()))
  const e = q.data?.entry
  const steward = e?.viewerStewardId ?? params.stewardId ?? null
  useShareAppMessage(() => ({
    title: e ? `${e.campaignTitle}｜${e.missing > 0 ? `还差 ${e.missing} 户成团，一起拼` : '已成团'}` : '社区团购',
    path: e ? detailUrl(e.campaignId, steward) : '/pages/index/index',
  }))
  const waitingForGroup = e?.stage === 'paid' || e?.stage === 'unpaid'
  const showCode = e?.pickupCode && (e.stage === 'awaiting_pickup' || e.stage === 'picked_up')

  return (
    <View className='gb-page gb-order'>
      <PageState loading={q.loading} error={q.error} hasData={!!e} onRetry={() => void q.reload()}>
        {e && (
          <>
            <View className='card gb-order__status'>
              <OrderStatusBadge display={e.display} large />
              {waitingForGroup && e.missing > 0 && e.campaignStatus === 'open' && (
                <Text className='gb-order__missing' data-testid='missing'>
                  已有 {e.participants} 户参团，差 {e.missing} 户成团
                </Text>
              )}
              {waitingForGroup && e.missing === 0 && <Text className='gb-order__missing'>人数已够，截止后统一发货</Text>}
            </View>
            {e.shareable && (e.stage === 'paid' || e.stage === 'unpaid') && (
              <SharePanel
                headline={e.missing > 0 ? `差 ${e.missing} 户成团` : '已成团，邀请更多邻居'}
                pictureUrl={e.coverUrl}
                poster={{ title: e.campaignTitle, priceFen: e.priceFromFen, originalFen: e.originalPriceFromFen, missing: e.missing, participants: e.participants, community: e.communityName, link: shareLink(e.campaignId, steward) }}
              />
            )}
            {showCode && (
              <View className='card gb-code' data-testid='order-code'>
                <QrMatrix value={`GB:${e.pickupCode}`} size={180} dimmed={e.stage === 'picked_up'} />
                <Text className='gb-code__digits' data-testid='pickup-code'>
                  {spacedCode(e.pickupCode!)}
                </Text>
                <Text className='gb-code__where'>
                  {e.pickup.point} · {windowText(e.pickup.startsAt, e.pickup.endsAt)}
                </Text>
              </View>
            )}
            <View className='card'>
              <Text className='gb-detail__label'>{e.campaignTitle}</Text>
              {e.pickLines.map((l) => (
                <View key={l.skuId} className='gb-confirm__line' data-testid='order-line'>
                  <Text className='gb-confirm__line-title'>
                    {l.title} × {l.quantity}
                  </Text>
                  <Text className={l.left === 0 && showCode ? 'gb-order__picked' : ''}>{showCode ? (l.left === 0 ? '已提' : l.picked > 0 ? `已提 ${l.picked}，待提 ${l.left}` : '待提') : yuan(l.unitPriceFen * l.quantity)}</Text>
                </View>
              ))}
              <View className='gb-confirm__row gb-confirm__pay'>
                <Text>实付</Text>
                <Text>{yuan(e.amountFen)}</Text>
              </View>
            </View>
            <View className='card gb-order__meta'>
              <Text>自提点：{e.pickup.point}</Text>
              <Text>提货时间：{windowText(e.pickup.startsAt, e.pickup.endsAt)}</Text>
              {e.contactName && <Text>提货人：{e.contactName}</Text>}
              {e.note && <Text>备注：{e.note}</Text>}
              <Text className='gb-link' onClick={() => void Taro.navigateTo({ url: orderDetailUrl(e.orderId) })}>
                订单详情（订单号、退款、进度） ›
              </Text>
              <Text className='gb-link' onClick={() => void Taro.navigateTo({ url: MY_ORDERS_URL })}>
                我的团购订单 ›
              </Text>
            </View>
            {/* After paying, one tap to allow a WeChat reminder for the next 团购上新 (社区推荐). */}
            {e.stage !== 'unpaid' && <PushConsentCard />}
          </>
        )}
      </PageState>
    </View>
  )
}
