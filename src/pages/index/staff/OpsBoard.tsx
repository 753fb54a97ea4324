import type { ReactNode } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { OpsBoard as Board } from '@contracts/households-workbench.schemas'
import { Kpi } from './Kpi'
import { monthLabel, pct, score, yuanShort } from './format'

const DASHBOARD = '/packages/ops/pages/dashboard/index'
const EVENTS = '/packages/events/pages/manage/index'
const COSTS = '/packages/events/pages/costs/index'
const GROUPBUY_MANAGE = '/packages/groupbuy/pages/manage/index'
const SEGMENT = '/packages/profiles/pages/segment/index'
const SLOW = '/packages/profiles/pages/slow/index'

function Area({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  return (
    <View className='card ops-area' data-testid={testId}>
      <Text className='ops-area__title'>{title}</Text>
      <View className='kpi-grid kpi-grid--3 kpi-grid--flat'>{children}</View>
    </View>
  )
}

/** 运营工作台 on the home tab: this month's numbers of every area for the community. */
export function OpsBoard({ board }: { board: Board }) {
  const f = board.figures
  const fu = board.followUps
  return (
    <View className='staff-board' data-testid='ops-board'>
      <View className='staff-hero staff-hero--ops'>
        <Text className='staff-hero__title'>运营工作台</Text>
        <Text className='staff-hero__sub'>
          {board.communityName} · {monthLabel(f.month)}
        </Text>
      </View>
      <Area title='物业缴费' testId='ops-fees'>
        <Kpi label='收缴率' value={`${f.feeRatePct.toFixed(1)}%`} />
        <Kpi label='本月实收' value={yuanShort(f.feePaidFen)} note={`${f.feePayments} 笔`} />
        <Kpi label='欠费' value={yuanShort(board.arrears.principalFen)} note={`${board.arrears.households} 户`} tone='alert' />
      </Area>
      <Area title='报事报修' testId='ops-repairs'>
        <Kpi label='本月报修' value={f.repairsFiled} note={`待处理 ${board.repairs.open}`} />
        <Kpi label='按时率' value={f.repairsFiled > 0 ? pct(f.onTimeRate) : '—'} note={`超时 ${board.repairs.overdue}`} tone={board.repairs.overdue > 0 ? 'alert' : 'normal'} />
        <Kpi label='满意度' value={score(f.satisfaction)} note={`投诉 ${f.complaints}`} />
      </Area>
      <Area title='社区团购' testId='ops-groupbuy'>
        <Kpi label='GMV' value={yuanShort(f.gmvFen)} />
        <Kpi label='订单' value={f.orders} note={`待提货 ${board.pickupsWaiting}`} />
        <Kpi label='客单价' value={yuanShort(f.avgOrderFen)} />
      </Area>
      <Area title='住户与管家' testId='ops-funnel'>
        <Kpi label='渗透率' value={pct(f.penetration)} note={`${f.boundHouseholds}/${f.households} 户`} />
        <Kpi label='首单转化' value={pct(f.firstOrderConversion)} />
        <Kpi label='次月回购' value={pct(f.repurchaseRate)} note={`佣金 ${yuanShort(f.commissionNetFen)}`} />
      </Area>
      <Area title='后续处理' testId='ops-followups'>
        <Kpi label='待处理' value={fu.pending >= 100 ? '100+' : fu.pending} note={fu.pending === 0 ? '全部完成' : '稍后自动补做'} tone={fu.pending === 0 ? 'good' : 'normal'} />
        <Kpi label='异常' value={fu.stuck} note={fu.stuck > 0 ? '请查看云函数日志' : '无'} tone={fu.stuck > 0 ? 'alert' : 'normal'} />
        <Kpi label='最久等待' value={fu.oldestMinutes === null ? '—' : `${fu.oldestMinutes} 分钟`} note='业绩、画像等' />
      </Area>
      <View className='card ops-go' data-testid='ops-groupbuy-manage' onClick={() => void Taro.navigateTo({ url: GROUPBUY_MANAGE })}>
        <Text className='ops-go__title'>团购管理</Text>
        <Text className='ops-go__note'>发起团购与严选征集，延长或提前截止 ›</Text>
      </View>
      <View className='card ops-go' data-testid='ops-dashboard-link' onClick={() => void Taro.navigateTo({ url: DASHBOARD })}>
        <Text className='ops-go__title'>经营看板</Text>
        <Text className='ops-go__note'>按网格、管家、月份对比，导出 CSV ›</Text>
      </View>
      <View className='card ops-go' data-testid='ops-events-link' onClick={() => void Taro.navigateTo({ url: COSTS })}>
        <Text className='ops-go__title'>活动费用与 ROI</Text>
        <Text className='ops-go__note'>费用核销、分摊，ROI 与毛利率设置 ›</Text>
      </View>
      <View className='card ops-go' data-testid='ops-events-manage' onClick={() => void Taro.navigateTo({ url: EVENTS })}>
        <Text className='ops-go__title'>线下活动</Text>
        <Text className='ops-go__note'>服务体验会、社区活动的报名、签到与停留 ›</Text>
      </View>
      <View className='card ops-go' data-testid='ops-merchants-link' onClick={() => void Taro.navigateTo({ url: '/packages/merchants/pages/ops/index' })}>
        <Text className='ops-go__title'>商户与结算</Text>
        <Text className='ops-go__note'>入驻商户、卖方与扣点、商户月报、物业发票 ›</Text>
      </View>
      <View className='card ops-go' data-testid='ops-segment-link' onClick={() => void Taro.navigateTo({ url: SEGMENT })}>
        <Text className='ops-go__title'>住户画像与精准推送</Text>
        <Text className='ops-go__note'>按购买、兴趣、标签和楼栋圈选人群，预览、推送、看转化 ›</Text>
      </View>
      <View className='card ops-go' data-testid='ops-slow-link' onClick={() => void Taro.navigateTo({ url: SLOW })}>
        <Text className='ops-go__title'>滞销商品</Text>
        <Text className='ops-go__note'>售出率低的商品，推送前后的动销率 ›</Text>
      </View>
    </View>
  )
}
