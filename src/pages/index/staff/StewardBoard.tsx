import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { StewardBoard as Board } from '@contracts/households-workbench.schemas'
import { Kpi, ToolRow } from './Kpi'
import { monthLabel, pct, yuan, yuanShort } from './format'

const URL = {
  arrears: '/packages/steward/pages/arrears/index',
  grid: '/packages/households/pages/grid/index',
  pickup: '/packages/groupbuy/pages/pickup/index',
  groupbuyManage: '/packages/groupbuy/pages/manage/index',
  groups: '/packages/groups/pages/steward/index',
  repairs: '/packages/repairs/pages/steward/index',
  dashboard: '/packages/steward/pages/dashboard/index',
  tools: '/packages/steward/pages/index/index',
  events: '/packages/events/pages/manage/index',
  segment: '/packages/profiles/pages/segment/index',
}

/** 管家工作台 on the home tab: the grid in six numbers, today's tasks, arrears, then the tools with counts. */
export function StewardBoard({ board }: { board: Board }) {
  return (
    <View className='staff-board' data-testid='steward-board'>
      <View className='staff-hero staff-hero--steward'>
        <Text className='staff-hero__title'>管家工作台</Text>
        <Text className='staff-hero__sub'>
          {board.name} · {board.communityName} 网格管家
        </Text>
      </View>
      <View className='kpi-grid kpi-grid--3'>
        <Kpi label='网格户数' value={board.households} note={`已绑定 ${board.boundHouseholds}`} url={URL.grid} testId='kpi-households' />
        <Kpi label='渗透率' value={pct(board.penetration)} url={URL.grid} testId='kpi-penetration' />
        <Kpi label='欠费户' value={board.arrears.households} tone={board.arrears.households > 0 ? 'alert' : 'normal'} url={URL.arrears} testId='kpi-arrears' />
        <Kpi label='今日任务' value={board.tasks.count} tone={board.tasks.count > 0 ? 'alert' : 'normal'} url={URL.groups} testId='kpi-tasks' />
        <Kpi label='待提货' value={board.pickupsWaiting} url={URL.pickup} testId='kpi-pickups' />
        <Kpi label='社群' value={board.groups.active} note={board.groups.silent > 0 ? `${board.groups.silent} 个沉寂` : '都很活跃'} url={URL.groups} testId='kpi-groups' />
      </View>

      <View className='staff-section'>
        <Text className='staff-section__title'>今日任务</Text>
        <Text className='staff-section__more' onClick={() => void Taro.navigateTo({ url: URL.groups })}>
          全部 {board.tasks.count} ›
        </Text>
      </View>
      {board.tasks.top.length === 0 ? (
        <View className='card staff-empty'>
          <Text>今天没有待办，去社群里和住户聊聊吧</Text>
        </View>
      ) : (
        <View className='card task-list'>
          {board.tasks.top.map((t) => (
            <View key={t.id} className='task-item' data-testid='task-item' onClick={() => void Taro.navigateTo({ url: URL.groups })}>
              <Text className='task-item__title'>
                {t.title}
                {t.groupName ? <Text className='task-item__group'>{` · ${t.groupName}`}</Text> : null}
              </Text>
              <Text className='task-item__text'>{t.text}</Text>
            </View>
          ))}
        </View>
      )}

      <View className='card arrears-glance' data-testid='arrears-glance' onClick={() => void Taro.navigateTo({ url: URL.arrears })}>
        <View className='arrears-glance__main'>
          <Text className='arrears-glance__title'>网格欠费</Text>
          <Text className='arrears-glance__text'>
            {board.arrears.households} 户 · {board.arrears.billCount} 笔 · 本金 {yuan(board.arrears.principalFen)}
          </Text>
        </View>
        <Text className='arrears-glance__go'>去催缴 ›</Text>
      </View>

      <View className='card tool-list'>
        <ToolRow title='报修看板' note={`处理中 ${board.repairs.open} · 超时 ${board.repairs.overdue}`} count={board.repairs.overdue} url={URL.repairs} />
        <ToolRow title='团购核销' note='扫码或输入提货码' count={board.pickupsWaiting} url={URL.pickup} />
        <ToolRow title='团购管理' note='发起团购、严选征集，延长或提前截止' url={URL.groupbuyManage} />
        <ToolRow title='精准推送' note='按购买、兴趣和标签圈选网格住户，预览后推送' url={URL.segment} testId='tool-segment' />
        <ToolRow title='我的业绩' note={`${monthLabel(board.month.month)} · 订单 ${board.month.orders} · GMV ${yuanShort(board.month.gmvFen)} · 佣金 ${yuan(board.month.commissionNetFen)}`} url={URL.dashboard} />
        <ToolRow title='线下活动' note='发布活动、现场签到码、到场与停留、费用登记' url={URL.events} />
        <ToolRow title='全部工具' note='网格住户、名片分享、催缴记录' url={URL.tools} />
      </View>
    </View>
  )
}
