import { BRAND } from '@/styles/tokens'
import { useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { View, Text, Switch } from '@tarojs/components'
import { householdsContract } from '@contracts/households.contract'
import { repairsContract, type TicketSummary } from '@contracts/repairs.contract'
import { callFn, isFnError } from '@/services/call-fn'
import { useFnQuery } from '@/hooks/use-fn-query'
import { PageState } from '@/components/PageState'
import { TicketList } from '../../components/TicketList'
import { useReloadOnReturn } from '@/hooks/use-reload-on-return'
import { askForRepairUpdates } from '../../services/subscribe'
import '../../components/repairs.scss'
import './index.scss'

type Tab = 'waiting' | 'working' | 'overdue' | 'done'
const TABS: { key: Tab; label: string }[] = [
  { key: 'waiting', label: '待接单' },
  { key: 'working', label: '处理中' },
  { key: 'overdue', label: '超时' },
  { key: 'done', label: '已完成' },
]
const inTab: Record<Exclude<Tab, 'done'>, (t: TicketSummary) => boolean> = {
  waiting: (t) => t.status === 'assigned',
  working: (t) => t.status === 'accepted' || t.status === 'in_progress',
  overdue: (t) => t.overdue,
}
const EMPTY: Record<Tab, string> = { waiting: '没有待接的工单', working: '没有处理中的工单', overdue: '没有超时的工单，继续保持', done: '还没有完成的工单' }

/**
 * 维修工作台 (technician): on/off duty, the counts as tabs, and the tickets of the chosen tab. Open
 * tickets are one bounded list (a technician holds a handful), split here; finished ones page from the server.
 */
export default function TechnicianWorkbenchPage() {
  const { params } = useRouter()
  const [tab, setTab] = useState<Tab>(TABS.some((t) => t.key === params.tab) ? (params.tab as Tab) : 'waiting')
  const board = useFnQuery(householdsContract, 'workbench', {})
  const queue = useFnQuery(repairsContract, 'queue', { filter: tab === 'done' ? 'done' : 'active', limit: 50 })
  const reload = async () => {
    await Promise.all([board.reload(), queue.reload()])
  }
  useReloadOnReturn(reload)
  usePullDownRefresh(() => void reload().finally(() => Taro.stopPullDownRefresh()))
  const tech = board.data?.technician
  const toggle = async (available: boolean) => {
    try {
      if (available) await askForRepairUpdates('technician')
      await callFn(repairsContract, 'setAvailability', { available })
      await board.reload()
    } catch (e) {
      void Taro.showToast({ title: isFnError(e) ? e.message : '操作失败', icon: 'none' })
    }
  }
  const count: Record<Tab, number | undefined> = { waiting: tech?.waiting, working: tech?.working, overdue: tech?.overdue, done: tech?.doneToday }
  const items = queue.data ? (tab === 'done' ? queue.data.items : queue.data.items.filter(inTab[tab])) : []
  return (
    <View className='repairs-page tech-bench'>
      <PageState loading={board.loading} error={board.error} hasData={!!board.data} empty={!!board.data && !tech} emptyText='仅维修师傅可以使用维修工作台' onRetry={() => void board.reload()}>
        {tech && (
          <View className='card duty'>
            <Text className='duty__text'>
              {tech.name} · {tech.available ? '接单中' : '休息中（不自动派单）'}
            </Text>
            <Switch className='duty-switch' checked={tech.available} color={BRAND} onChange={(e) => void toggle(e.detail.value)} />
          </View>
        )}
      </PageState>
      <View className='bench-tabs'>
        {TABS.map((t) => (
          <View key={t.key} className={`bench-tabs__tab${tab === t.key ? ' bench-tabs__tab--on' : ''}`} data-testid={`tab-${t.key}`} onClick={() => setTab(t.key)}>
            <Text className={`bench-tabs__count${t.key === 'overdue' && (count.overdue ?? 0) > 0 ? ' bench-tabs__count--alert' : ''}`}>{count[t.key] ?? '—'}</Text>
            <Text className='bench-tabs__label'>{t.key === 'done' ? '今日完成' : t.label}</Text>
          </View>
        ))}
      </View>
      <PageState loading={queue.loading} error={queue.error} hasData={!!queue.data} empty={!!queue.data && items.length === 0} emptyText={EMPTY[tab]} onRetry={() => void queue.reload()}>
        <TicketList items={items} />
      </PageState>
    </View>
  )
}
