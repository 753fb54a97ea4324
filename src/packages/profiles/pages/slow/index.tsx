import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { profilesContract } from '@contracts/profiles.contract'
import { useFnQuery } from '@/hooks/use-fn-query'
import { useMutation } from '@/hooks/use-fn-mutation'
import { callFn } from '@/services/call-fn'
import { PageState } from '@/components/PageState'
import '../../components/profiles.scss'

const pctText = (x: number | null) => (x === null ? '—' : `${Math.round(x * 1000) / 10}%`)

/** 滞销商品 (ops): flagged SKUs, their sell-through, and 动销率 in the week before and after targeted pushes. */
export default function SlowMoversPage() {
  const catalog = useFnQuery(profilesContract, 'catalog', {})
  const communityId = catalog.data?.communityId
  return (
    <View className='profiles-page' data-testid='slow-page'>
      <PageState loading={catalog.loading} error={catalog.error} hasData={!!communityId} onRetry={() => void catalog.reload()}>
        {communityId && <Report communityId={communityId} />}
      </PageState>
    </View>
  )
}

function Report({ communityId }: { communityId: string }) {
  const q = useFnQuery(profilesContract, 'slowMovers', { communityId })
  const d = q.data
  // 取消标记: the detector then leaves the SKU alone for a week unless its sell-through falls (docs/profiles.md).
  const clear = useMutation((skuId: string, requestId: string) => callFn(profilesContract, 'markSlowMover', { communityId, skuId, slow: false }, { requestId }))
  const onClear = async (skuId: string) => {
    if (await clear.run(skuId)) void q.reload()
  }
  return (
    <PageState loading={q.loading && !d} error={q.error} hasData={!!d} onRetry={() => void q.reload()}>
      {d && (
        <>
          <View className='card'>
            <Text className='pf-title'>动销率（推送前后各 {d.windowDays} 天）</Text>
            <View className='pf-stats'>
              <View className='pf-stats__cell'>
                <Text className='pf-stats__n'>{pctText(d.sellRateBefore)}</Text>
                <Text className='pf-stats__label'>推送前</Text>
              </View>
              <View className='pf-stats__cell'>
                <Text className='pf-stats__n'>{pctText(d.sellRateAfter)}</Text>
                <Text className='pf-stats__label'>推送后</Text>
              </View>
            </View>
            <Text className='pf-sub'>已付款售出 / 库存低于 {Math.round(d.threshold * 100)}% 且上架满 3 天的商品会被自动标记；取消标记后 7 天内不再自动标记，除非销量回落</Text>
          </View>
          {d.items.length === 0 ? (
            <View className='card'>
              <Text className='pf-sub'>目前没有滞销商品</Text>
            </View>
          ) : (
            d.items.map((it) => (
              <View key={it.skuId} className='card' data-testid='slow-row'>
                <Text className='pf-title'>{it.title}</Text>
                <Text className='pf-sub'>
                  {it.campaignTitle} · {it.flaggedBy === 'ops' ? '运营标记' : '系统识别'}
                </Text>
                <View className='pf-row'>
                  <Text>已付款售出 / 库存</Text>
                  <Text className='pf-row__muted'>
                    {it.sold} / {it.stock}（{pctText(it.sellThrough)}）
                  </Text>
                </View>
                <View className='pf-row'>
                  <Text>推送前 / 后订单</Text>
                  <Text className='pf-row__muted'>{it.firstPushAt ? `${it.ordersBefore} / ${it.ordersAfter}` : '尚未推送'}</Text>
                </View>
                <View className='pf-actions'>
                  <Text className='pf-chip' data-testid='slow-clear' onClick={() => void onClear(it.skuId)}>
                    {clear.busy ? '处理中…' : '不算滞销，取消标记'}
                  </Text>
                </View>
              </View>
            ))
          )}
          <View className='pf-actions'>
            <Text className='pf-chip pf-chip--on' onClick={() => void Taro.navigateTo({ url: '/packages/profiles/pages/segment/index' })}>
              圈选人群去推送 ›
            </Text>
          </View>
        </>
      )}
    </PageState>
  )
}
