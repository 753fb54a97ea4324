import { useState } from 'react'
import Taro, { usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro'
import { View, Text, Button as ShareButton } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { groupbuyContract } from '@contracts/groupbuy.contract'
import { callFn } from '@/services/call-fn'
import { useFnQuery } from '@/hooks/use-fn-query'
import { PageState } from '@/components/PageState'
import { usePayment } from '@/components/payment/use-payment'
import { toastError } from '@/services/toast'
import { Countdown } from '../../components/Countdown'
import { Cover } from '../../components/Cover'
import { Progress } from '../../components/Progress'
import { SkuPicker, totalOf, type Picked } from '../../components/SkuPicker'
import { useShareTouch } from '../../components/use-touch'
import { MY_ORDERS_URL, detailUrl, windowText, yuan } from '../../components/labels'
import '../../components/groupbuy.scss'

/**
 * 团购详情: pictures, progress, countdown, SKU picker and checkout (the order is paid in WeChat's cashier,
 * or the sandbox sheet on H5). Opened from a steward's card, it records the touch; shared again, the card
 * keeps carrying a steward id (the viewer's own when the viewer is a steward).
 */
export default function GroupbuyDetailPage() {
  const { params } = useRouter()
  const campaignId = params.campaignId ?? ''
  const q = useFnQuery(groupbuyContract, 'campaign', { campaignId })
  const { pay, sheet } = usePayment()
  const [picked, setPicked] = useState<Picked>({})
  const [busy, setBusy] = useState(false)
  useShareTouch(params)
  usePullDownRefresh(() => void q.reload().finally(() => Taro.stopPullDownRefresh()))
  const c = q.data?.campaign
  const shareSteward = c?.viewerStewardId ?? params.stewardId ?? null
  useShareAppMessage(() => ({
    title: c ? `${c.title}｜${yuan(c.priceFromFen)}起，${c.missing > 0 ? `还差 ${c.missing} 户成团` : '已成团'}` : '社区团购',
    path: detailUrl(campaignId, shareSteward),
  }))

  const items = Object.entries(picked).filter(([, n]) => n > 0).map(([skuId, quantity]) => ({ skuId, quantity }))
  const total = c ? totalOf(c.skus, picked) : 0
  const checkout = async () => {
    if (!c?.household || items.length === 0) return
    setBusy(true)
    try {
      const { payment } = await callFn(groupbuyContract, 'placeOrder', { campaignId, householdId: c.household.householdId, items })
      if (payment) await pay(payment)
      // Paid or not, my orders show the truth: the payment notify decides, not the cashier's return value.
      void Taro.redirectTo({ url: MY_ORDERS_URL })
    } catch (e) {
      toastError(e)
      void q.reload()
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='gb-page gb-detail'>
      <PageState loading={q.loading} error={q.error} hasData={!!c} onRetry={() => void q.reload()}>
        {c && (
          <>
            <Cover className='gb-detail__cover' url={c.imageUrls[0] ?? null} title={c.title} />
            <View className='card gb-detail__head'>
              <Text className='gb-detail__title' data-testid='campaign-title'>{c.title}</Text>
              <Text className='gb-detail__price'>{yuan(c.priceFromFen)} 起{c.mode === 'presale' ? ' · 预售（截止后统一采购）' : ''}</Text>
              <Progress campaign={c} />
              <Countdown deadline={c.deadline} serverNow={c.serverNow} />
            </View>
            <View className='card'>
              <Text className='gb-detail__label'>自提</Text>
              <Text className='gb-detail__text'>{c.pickup.point} · {windowText(c.pickup.startsAt, c.pickup.endsAt)}</Text>
              {c.description && <Text className='gb-detail__desc'>{c.description}</Text>}
            </View>
            <View className='card'>
              <Text className='gb-detail__label'>选择商品{c.household ? `（为 ${c.household.label} 下单）` : ''}</Text>
              <SkuPicker skus={c.skus} picked={picked} onChange={setPicked} disabled={!c.canOrder || busy} />
            </View>
            {c.viewerStewardId && (
              <View className='card gb-share'>
                <Text className='gb-detail__text'>分享到业主群，邻居通过您的卡片下单将计入您的业绩</Text>
                <ShareButton className='gb-share__btn' openType='share' data-testid='share'>
                  分享给邻居
                </ShareButton>
              </View>
            )}
            <View className='gb-checkout'>
              <Text className='gb-checkout__total'>{c.canOrder ? `合计 ${yuan(total)}` : c.blockedReason}</Text>
              <Button type='primary' disabled={!c.canOrder || items.length === 0 || busy} loading={busy} onClick={() => void checkout()} data-testid='checkout'>
                立即参团
              </Button>
            </View>
          </>
        )}
      </PageState>
      {sheet}
    </View>
  )
}
