import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { eventsContract, type RoiRow } from '@contracts/events.contract'
import { useFnQuery } from '@/hooks/use-fn-query'
import { PageState } from '@/components/PageState'
import { yuan } from '@/services/format'
import { EVENTS_URL } from '../../components/labels'
import '../../components/events.scss'

function RoiCard({ r }: { r: RoiRow }) {
  const low = r.roi !== null && r.roi < 1
  return (
    <View className='card ev-roi' data-testid='roi-row' data-ref={`${r.ref.kind}.${r.ref.id}`}>
      <View className='ev-roi__head'>
        <Text className='ev-roi__title'>{`${r.ref.kind === 'event' ? '活动' : '团购'} · ${r.title}`}</Text>
        <Text className={`ev-roi__value ${r.roi === null ? 'ev-roi__value--none' : low ? 'ev-roi__value--low' : ''}`}>{r.roi === null ? '无已核销费用' : r.roi.toFixed(2)}</Text>
      </View>
      <View className='ev-roi__grid'>
        <Text className='ev-roi__cell'>{`归因 GMV ${yuan(r.gmvFen)}`}</Text>
        <Text className='ev-roi__cell'>{`订单 ${r.orders} 笔${r.serviceOrders > 0 ? `（服务 ${r.serviceOrders}）` : ''}${r.attendees !== null ? ` · 到场 ${r.attendees} 户` : ''}`}</Text>
        <Text className='ev-roi__cell'>{`毛利 ${yuan(r.marginFen)}（${r.marginRateSource === 'activity' ? '单独' : '品类'} ${r.marginRateBp / 100}%）`}</Text>
        <Text className='ev-roi__cell'>{`已核销费用 ${yuan(r.approvedCostFen)}`}</Text>
        {r.pendingCostFen > 0 && <Text className='ev-roi__cell'>{`待核销 ${yuan(r.pendingCostFen)}`}</Text>}
        <Text className='ev-roi__cell'>{`品类 ${r.category ?? '未设置'}`}</Text>
      </View>
    </View>
  )
}

/** 活动 ROI (ops): per event and campaign, attributable GMV margin ÷ written-off cost (docs/events.md). */
export default function RoiPage() {
  const q = useFnQuery(eventsContract, 'roi', {})
  usePullDownRefresh(() => void q.reload().finally(() => Taro.stopPullDownRefresh()))
  const t = q.data?.totals
  return (
    <View className='ev-page' data-testid='roi-page'>
      <View className='ev-toolbar'>
        <Text className='section-title'>每场活动与团购</Text>
        <Text className='ev-link ev-link--tap' onClick={() => void Taro.navigateTo({ url: EVENTS_URL.roiSettings })} data-testid='roi-settings-link'>
          毛利率与归因设置 ›
        </Text>
      </View>
      <PageState loading={q.loading} error={q.error} hasData={!!q.data} empty={(q.data?.rows.length ?? 0) === 0} emptyText='还没有活动数据' onRetry={() => void q.reload()}>
        {t && (
          <View className='card ev-stats'>
            <View className='ev-stat'>
              <Text className='ev-stat__value'>{yuan(t.gmvFen)}</Text>
              <Text className='ev-stat__label'>归因 GMV</Text>
            </View>
            <View className='ev-stat'>
              <Text className='ev-stat__value'>{yuan(t.marginFen)}</Text>
              <Text className='ev-stat__label'>毛利</Text>
            </View>
            <View className='ev-stat'>
              <Text className='ev-stat__value'>{yuan(t.approvedCostFen)}</Text>
              <Text className='ev-stat__label'>已核销费用</Text>
            </View>
          </View>
        )}
        <Text className='ev-hint' style={{ margin: '0 16px' }}>
          ROI = 归因 GMV × 毛利率 ÷ 已核销费用。活动的归因 GMV：到场住户在活动开始至结束后 N 天内同品类的团购与上门服务订单（不含缴费），扣除退款；团购为其自身订单。
        </Text>
        {(q.data?.rows ?? []).map((r) => (
          <RoiCard key={`${r.ref.kind}.${r.ref.id}`} r={r} />
        ))}
      </PageState>
    </View>
  )
}
