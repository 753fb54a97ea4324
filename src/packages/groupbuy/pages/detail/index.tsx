import { useEffect, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { groupbuyContract } from '@contracts/groupbuy.contract'
import { useFnQuery } from '@/hooks/use-fn-query'
import { PageState } from '@/components/PageState'
import { Countdown } from '../../components/Countdown'
import { Gallery } from '../../components/Gallery'
import { Joiners } from '../../components/Joiners'
import { PriceTag } from '../../components/PriceTag'
import { Progress } from '../../components/Progress'
import { SkuCard } from '../../components/SkuCard'
import { SharePanel } from '../../components/SharePanel'
import { useShareTouch } from '../../components/use-touch'
import { loadCart, saveCart, type Cart } from '../../components/cart'
import { confirmUrl, detailUrl, shareLink, shareTitle, windowText, yuan } from '../../components/labels'
import '../../components/groupbuy.scss'

/**
 * 团购详情: pictures, price against 划线价, 已团 N 件, neighbours who joined, countdown and progress, each SKU
 * with its photo, spec, origin and detail; picks go to the confirm page (自提点, 提货人, 备注, then pay).
 * Opened from a steward's card it records the touch; shared again, the card keeps a steward id.
 */
export default function GroupbuyDetailPage() {
  const { params } = useRouter()
  const campaignId = params.campaignId ?? ''
  const q = useFnQuery(groupbuyContract, 'campaign', { campaignId })
  const [cart, setCart] = useState<Cart>({})
  useEffect(() => setCart(loadCart(campaignId)), [campaignId])
  // Back from the confirm page (or after paying) the stock and the group's progress may have moved.
  useDidShow(() => void q.reload())
  useShareTouch(params)
  usePullDownRefresh(() => void q.reload().finally(() => Taro.stopPullDownRefresh()))
  const c = q.data?.campaign
  const shareSteward = c?.viewerStewardId ?? params.stewardId ?? null
  useShareAppMessage(() => ({ title: c ? shareTitle(c) : '社区团购', path: detailUrl(campaignId, shareSteward), imageUrl: c?.imageUrls[0] }))

  const change = (skuId: string, n: number) => {
    const next = { ...cart, [skuId]: n }
    setCart(next)
    saveCart(campaignId, next)
  }
  const count = c ? c.skus.reduce((s, k) => s + (cart[k.skuId] ?? 0), 0) : 0
  const total = c ? c.skus.reduce((s, k) => s + k.priceFen * (cart[k.skuId] ?? 0), 0) : 0

  return (
    <View className='gb-page gb-detail'>
      <PageState loading={q.loading} error={q.error} hasData={!!c} onRetry={() => void q.reload()}>
        {c && (
          <>
            <Gallery urls={c.imageUrls} title={c.title} />
            <View className='card gb-detail__head'>
              <View className='gb-detail__price-row'>
                <PriceTag priceFen={c.priceFromFen} originalFen={c.originalPriceFromFen} suffix='起' size='lg' />
                <Text className='gb-detail__sold' data-testid='sold-count'>
                  已团 {c.soldUnits} 件
                </Text>
              </View>
              <Text className='gb-detail__title' data-testid='campaign-title'>
                {c.title}
              </Text>
              {c.mode === 'presale' && <Text className='gb-tag'>预售 · 截止后统一采购</Text>}
              <Progress campaign={c} />
              <Countdown deadline={c.deadline} serverNow={c.serverNow} />
              <Joiners joiners={c.joiners} participants={c.participants} />
            </View>
            <View className='card'>
              <Text className='gb-detail__label'>自提点与时间</Text>
              <Text className='gb-detail__text' data-testid='pickup-window'>
                {c.pickup.point}
              </Text>
              <Text className='gb-detail__text'>{windowText(c.pickup.startsAt, c.pickup.endsAt)}（北京时间）</Text>
              {c.description && <Text className='gb-detail__desc'>{c.description}</Text>}
            </View>
            <View className='card'>
              <Text className='gb-detail__label'>选择商品{c.household ? `（为 ${c.household.label} 下单）` : ''}</Text>
              <View className='gb-skus'>
                {c.skus.map((sku) => (
                  <SkuCard key={sku.skuId} sku={sku} count={cart[sku.skuId] ?? 0} onChange={(n) => change(sku.skuId, n)} disabled={!c.canOrder} />
                ))}
              </View>
            </View>
            {c.viewerStewardId && c.shareable && (
              <SharePanel
                headline={c.missing > 0 ? `差 ${c.missing} 户成团` : '已成团，继续邀请邻居'}
                pictureUrl={c.imageUrls[0] ?? null}
                poster={{ title: c.title, priceFen: c.priceFromFen, originalFen: c.originalPriceFromFen, missing: c.missing, participants: c.participants, community: c.communityName, link: shareLink(campaignId, shareSteward) }}
              />
            )}
            <View className='gb-checkout'>
              <View className='gb-checkout__sum'>
                <Text className='gb-checkout__total'>{c.canOrder ? `合计 ${yuan(total)}` : c.blockedReason}</Text>
                {c.canOrder && <Text className='gb-checkout__count'>已选 {count} 件</Text>}
              </View>
              <Button
                type='primary'
                disabled={!c.canOrder || count === 0}
                onClick={() => void Taro.navigateTo({ url: confirmUrl(campaignId, params.stewardId) })}
                data-testid='checkout'
              >
                去结算
              </Button>
            </View>
          </>
        )}
      </PageState>
    </View>
  )
}
