import { useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { groupbuyContract, type PollView } from '@contracts/groupbuy.contract'
import { householdsContract } from '@contracts/households.contract'
import { callFn } from '@/services/call-fn'
import { useFnQuery } from '@/hooks/use-fn-query'
import { PageState } from '@/components/PageState'
import { toastError } from '@/services/toast'
import { PriceTag } from '../../components/PriceTag'
import { detailUrl, imageSrc } from '../../components/labels'
import { dateTime } from '@/services/format'
import '../../components/groupbuy.scss'

const STATUS = { open: '征集中', sourced: '已达成，去付款', failed: '未达成，已结束' } as const

/**
 * 严选预售: products the steward proposes at a target price. 我要登记 records intent (no payment); when
 * enough households register, the group buy opens and everyone who registered is asked to pay.
 */
export default function PollsPage() {
  const q = useFnQuery(groupbuyContract, 'polls', {})
  usePullDownRefresh(() => void q.reload().finally(() => Taro.stopPullDownRefresh()))
  const [busy, setBusy] = useState<string | null>(null)
  const householdId = (p: PollView) => p.myIntent?.householdId
  const act = async (p: PollView, register: boolean) => {
    setBusy(p.pollId)
    try {
      const hh = householdId(p) ?? (await currentHousehold())
      if (!hh) throw new Error('请先绑定房屋')
      if (register) await callFn(groupbuyContract, 'registerIntent', { pollId: p.pollId, householdId: hh, quantity: 1 })
      else await callFn(groupbuyContract, 'withdrawIntent', { pollId: p.pollId, householdId: hh })
      await q.reload()
    } catch (e) {
      toastError(e)
    } finally {
      setBusy(null)
    }
  }
  const items = q.data?.items ?? []
  return (
    <View className='gb-page'>
      <PageState loading={q.loading} error={q.error} hasData={!!q.data} empty={items.length === 0} emptyText='暂时没有征集中的严选商品' onRetry={() => void q.reload()}>
        {items.map((p) => (
          <View key={p.pollId} className='card gb-poll' data-testid='poll'>
            <View className='gb-sku__row'>
              {p.imageUrl ? <Image className='gb-sku__img' src={imageSrc(p.imageUrl)} mode='aspectFill' /> : <View className='gb-sku__img gb-cover--placeholder' />}
              <View className='gb-sku__text'>
                <Text className='gb-sku__title'>{p.title}</Text>
                <Text className='gb-sku__meta'>{p.spec}</Text>
                <PriceTag priceFen={p.targetPriceFen} originalFen={p.originalPriceFen} suffix='目标价' />
                <Text className='gb-progress__text'>
                  {STATUS[p.status]} · 已登记 {p.households}/{p.targetHouseholds} 户{p.status === 'open' && p.missing > 0 ? `，差 ${p.missing} 户` : ''}
                </Text>
              </View>
            </View>
            {p.description && <Text className='gb-sku__detail'>{p.description}</Text>}
            {p.status === 'sourced' && p.payBy ? (
              <Text className='gb-poll__pay' data-testid='poll-pay-by'>
                {p.myIntent ? `你已登记 ${p.myIntent.quantity} 份，` : ''}请在 {dateTime(p.payBy)} 前付款，逾期名额释放
              </Text>
            ) : (
              <Text className='gb-sku__meta'>登记截止 {dateTime(p.deadline)} · 登记不付款，达成后通知付款</Text>
            )}
            {p.conversion && (
              <Text className='gb-sku__meta'>
                转化：{p.conversion.paid}/{p.conversion.intents} 户已付款（{Math.round(p.conversion.rate * 100)}%）
              </Text>
            )}
            <View className='gb-pickup__actions'>
              {p.status === 'sourced' && p.campaignId && (
                <Button type='primary' size='small' onClick={() => void Taro.navigateTo({ url: detailUrl(p.campaignId!) })} data-testid='poll-go-pay'>
                  {p.myIntent ? '去付款' : '去看看'}
                </Button>
              )}
              {p.canRegister && !p.myIntent && (
                <Button type='primary' size='small' loading={busy === p.pollId} onClick={() => void act(p, true)} data-testid='register-intent'>
                  我要登记
                </Button>
              )}
              {p.canRegister && p.myIntent && (
                <Button size='small' loading={busy === p.pollId} onClick={() => void act(p, false)}>
                  已登记 {p.myIntent.quantity} 份 · 撤回
                </Button>
              )}
            </View>
          </View>
        ))}
      </PageState>
    </View>
  )
}

/** The household the app currently shows, from the households function's `me`. */
async function currentHousehold(): Promise<string | null> {
  return (await callFn(householdsContract, 'me', {})).currentHouseholdId
}
