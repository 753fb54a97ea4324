import { useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { View, Text, Switch } from '@tarojs/components'
import { repairsContract } from '@contracts/repairs.contract'
import { callFn } from '@/services/call-fn'
import { useFnQuery } from '@/hooks/use-fn-query'
import { PageState } from '@/components/PageState'
import { TicketList } from '../../components/TicketList'
import { useReloadOnReturn } from '@/hooks/use-reload-on-return'
import { askForRepairUpdates } from '../../services/subscribe'
import '../../components/repairs.scss'
import { toastError } from '@/services/toast'
import { BRAND } from '@/styles/tokens'

/** 我的维修任务 (technician): on/off duty, the active queue and what is done. */
export default function TechnicianQueuePage() {
  const [filter, setFilter] = useState<'active' | 'done'>('active')
  const duty = useFnQuery(repairsContract, 'myDuty', {})
  const queue = useFnQuery(repairsContract, 'queue', { filter, limit: 30 })
  useReloadOnReturn(async () => {
    await Promise.all([queue.reload(), duty.reload()])
  })
  usePullDownRefresh(() => {
    void Promise.all([queue.reload(), duty.reload()]).finally(() => Taro.stopPullDownRefresh())
  })
  const toggle = async (available: boolean) => {
    try {
      if (available) await askForRepairUpdates('technician')
      await callFn(repairsContract, 'setAvailability', { available })
      await duty.reload()
    } catch (e) {
      toastError(e, '操作失败')
    }
  }
  return (
    <View className='repairs-page queue-page'>
      <PageState loading={duty.loading} error={duty.error} hasData={!!duty.data} onRetry={() => void duty.reload()}>
        {duty.data && (
          <View className='card duty'>
            <Text className='duty__text'>
              {duty.data.name} · {duty.data.available ? '接单中' : '休息中（不自动派单）'} · 进行中 {duty.data.openTickets} 单
            </Text>
            <Switch className='duty-switch' checked={duty.data.available} color={BRAND} onChange={(e) => void toggle(e.detail.value)} />
          </View>
        )}
      </PageState>
      <View className='tabs'>
        {(['active', 'done'] as const).map((f) => (
          <Text key={f} className={`tabs__item${filter === f ? ' tabs__item--on' : ''}`} onClick={() => setFilter(f)}>
            {f === 'active' ? '待处理' : '已完成'}
          </Text>
        ))}
      </View>
      <PageState loading={queue.loading} error={queue.error} hasData={!!queue.data} empty={queue.data?.items.length === 0} emptyText={filter === 'active' ? '暂时没有待处理的工单' : '还没有完成的工单'} onRetry={() => void queue.reload()}>
        {queue.data && <TicketList items={queue.data.items} />}
      </PageState>
    </View>
  )
}
