import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { REPAIR_CATEGORY_LABELS, REPAIR_STATUS_LABELS } from '@contracts/repairs.contract'
import type { TechnicianBoard } from '@contracts/households-workbench.schemas'
import { Kpi } from './Kpi'
import { shortTime } from './format'

const WORKBENCH = '/packages/repairs/pages/workbench/index'
const detailUrl = (id: string) => `/packages/repairs/pages/detail/index?id=${id}`

/** 维修工作台 on the home tab: the three counts that matter, then the queue itself. */
export function TechBoard({ board }: { board: TechnicianBoard }) {
  return (
    <View className='staff-board' data-testid='tech-board'>
      <View className='staff-hero staff-hero--tech'>
        <Text className='staff-hero__title'>维修工作台</Text>
        <Text className='staff-hero__sub'>
          {board.name} · {board.available ? '接单中' : '休息中（不自动派单）'}
        </Text>
      </View>
      <View className='kpi-grid kpi-grid--4'>
        <Kpi label='待接单' value={board.waiting} tone={board.waiting > 0 ? 'alert' : 'normal'} url={`${WORKBENCH}?tab=waiting`} testId='count-waiting' />
        <Kpi label='处理中' value={board.working} url={`${WORKBENCH}?tab=working`} testId='count-working' />
        <Kpi label='超时' value={board.overdue} tone={board.overdue > 0 ? 'alert' : 'normal'} url={`${WORKBENCH}?tab=overdue`} testId='count-overdue' />
        <Kpi label='今日完成' value={board.doneToday} tone='good' url={`${WORKBENCH}?tab=done`} testId='count-done' />
      </View>
      <View className='staff-section'>
        <Text className='staff-section__title'>我的工单</Text>
        <Text className='staff-section__more' onClick={() => void Taro.navigateTo({ url: WORKBENCH })}>
          全部 ›
        </Text>
      </View>
      {board.queue.length === 0 ? (
        <View className='card staff-empty'>
          <Text>暂时没有待处理的工单</Text>
        </View>
      ) : (
        board.queue.map((t) => (
          <View key={t.id} className='card queue-item' data-testid='queue-item' data-id={t.id} onClick={() => void Taro.navigateTo({ url: detailUrl(t.id) })}>
            <View className='queue-item__head'>
              <Text className='queue-item__title'>{REPAIR_CATEGORY_LABELS[t.category]}</Text>
              {t.overdue && <Text className='tag tag--alert'>超时</Text>}
              <Text className={`tag tag--${t.status === 'assigned' ? 'wait' : 'active'}`}>{t.status === 'assigned' ? '待接单' : REPAIR_STATUS_LABELS[t.status]}</Text>
            </View>
            <Text className='queue-item__text'>{t.preview}</Text>
            <View className='queue-item__meta'>
              <Text>{t.placeLabel}</Text>
              <Text>{shortTime(t.createdAt)}</Text>
            </View>
          </View>
        ))
      )}
      {board.queueHasMore && (
        <Text className='staff-more' onClick={() => void Taro.navigateTo({ url: WORKBENCH })}>
          查看全部工单 ›
        </Text>
      )}
    </View>
  )
}
