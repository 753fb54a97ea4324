import { useState } from 'react'
import Taro, { usePullDownRefresh, useShareAppMessage } from '@tarojs/taro'
import { View, Text, Button as ShareButton } from '@tarojs/components'
import { attributionContract } from '@contracts/attribution.contract'
import { useFnQuery } from '@/hooks/use-fn-query'
import { PageState } from '@/components/PageState'
import { BarChart } from '@/components/figures/BarChart'
import { SharePoster } from '../../components/SharePoster'
import { CommissionCard } from './CommissionCard'
import { FigureList } from '@/components/figures/FigureList'
import { currentMonth, yuan } from '@/components/figures/figure-format'
import { MonthSwitcher } from '@/components/figures/MonthSwitcher'
import './index.scss'

/** Build-time constant: the WeChat share sheet exists only in the mini-program. */
const IS_H5 = process.env.TARO_ENV === 'h5'

/**
 * 我的业绩 (steward): the month at a glance (orders credited to me, GMV, 客单价, commission), a six-month
 * chart, my grid's funnel (bound → new → first order; buyers → next-month repurchase), how my orders were
 * attributed, and my commission statement. The same figures as the ops report's row for me.
 */
export default function StewardDashboardPage() {
  const [month, setMonth] = useState(currentMonth())
  const q = useFnQuery(attributionContract, 'dashboard', { month })
  usePullDownRefresh(() => void q.reload().finally(() => Taro.stopPullDownRefresh()))
  const d = q.data
  const [poster, setPoster] = useState(false)
  // The share path carries stewardId: whoever opens the card is recorded as a touch of this steward.
  useShareAppMessage(() => ({ title: d ? `网格管家${d.stewardName}：社区团购与上门服务` : '网格管家', path: d?.sharePath ?? '/pages/index/index' }))

  return (
    <View className='dash-page'>
      <MonthSwitcher month={month} onChange={setMonth} />
      <PageState loading={q.loading} error={q.error} hasData={!!d} onRetry={() => void q.reload()}>
        {d && (
          <>
            <View className='card dash-head' data-testid='steward-figures'>
              <Text className='dash-head__who'>
                {d.communityName} · {d.stewardName}
              </Text>
              <FigureList figure={d.figures} keys={['orders', 'gmvFen', 'avgOrderFen', 'commissionNetFen']} />
            </View>

            <View className='card'>
              <Text className='dash-card__title'>近6个月 GMV</Text>
              <BarChart
                highlight={d.series.length - 1}
                points={d.series.map((p) => ({ label: `${Number(p.month.slice(5))}月`, value: p.gmvFen, caption: p.gmvFen ? yuan(p.gmvFen).replace(/\.\d\d$/, '') : '0' }))}
              />
              <Text className='dash-card__note'>{d.series.map((p) => `${Number(p.month.slice(5))}月 ${p.orders} 单`).join(' · ')}</Text>
            </View>

            <View className='card' data-testid='commission-chart'>
              <Text className='dash-card__title'>近6个月佣金（净额）</Text>
              <BarChart
                testId='commission-bar'
                highlight={d.series.length - 1}
                points={d.series.map((p) => ({ label: `${Number(p.month.slice(5))}月`, value: p.commissionNetFen, caption: p.commissionNetFen ? yuan(p.commissionNetFen) : '0' }))}
              />
            </View>

            <View className='card' data-testid='steward-funnel'>
              <Text className='dash-card__title'>我的网格</Text>
              <FigureList
                variant='rows'
                figure={d.figures}
                keys={['households', 'boundHouseholds', 'penetration', 'newBoundResidents', 'convertedResidents', 'firstOrderConversion', 'buyers', 'repurchasers', 'repurchaseRate', 'satisfaction', 'refundFen']}
              />
            </View>

            <View className='card'>
              <Text className='dash-card__title'>订单从哪里来</Text>
              <View className='rule-mix'>
                <Text data-testid='rule-last-touch'>分享卡片 {d.ruleMix.last_touch} 单</Text>
                <Text data-testid='rule-home'>网格住户 {d.ruleMix.home_steward} 单</Text>
                <Text>自购 {d.ruleMix.self_purchase} 单</Text>
              </View>
              <Text className='dash-card__note'>住户打开你的分享卡片后 7 天内下单算你的；否则算房屋所在网格的管家。</Text>
            </View>

            <CommissionCard data={d} />

            <View className='dash-share'>
              {IS_H5 ? (
                <ShareButton className='dash-share__button' data-testid='share-card' onClick={() => setPoster(true)}>
                  分享我的管家名片
                </ShareButton>
              ) : (
                <ShareButton className='dash-share__button' openType='share' data-testid='share-card'>
                  分享我的管家名片
                </ShareButton>
              )}
            </View>
            {poster && <SharePoster name={d.stewardName} communityName={d.communityName} sharePath={d.sharePath} onClose={() => setPoster(false)} />}
          </>
        )}
      </PageState>
    </View>
  )
}
