import { useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { repairsContract } from '@contracts/repairs.contract'
import { useFnQuery } from '@/hooks/use-fn-query'
import { PageState } from '@/components/PageState'
import { TicketList } from '../../components/TicketList'
import { SatisfactionCard } from '../../components/SatisfactionCard'
import { useReloadOnReturn } from '@/hooks/use-reload-on-return'
import '../../components/repairs.scss'

const FILTERS = [
  { key: 'open', label: '处理中' },
  { key: 'overdue', label: '超时' },
  { key: 'closed', label: '已结束' },
] as const

/** 网格报修 (steward; ops see the whole community): satisfaction, open and overdue tickets, reassign from the detail. */
export default function StewardRepairsPage() {
  const [filter, setFilter] = useState<(typeof FILTERS)[number]['key']>('open')
  const sat = useFnQuery(repairsContract, 'satisfaction', {})
  const list = useFnQuery(repairsContract, 'gridTickets', { filter, limit: 30 })
  const reloadAll = async () => {
    await Promise.all([sat.reload(), list.reload()])
  }
  useReloadOnReturn(reloadAll)
  usePullDownRefresh(() => {
    void reloadAll().finally(() => Taro.stopPullDownRefresh())
  })
  return (
    <View className='repairs-page steward-page'>
      <PageState loading={sat.loading} error={sat.error} hasData={!!sat.data} onRetry={() => void sat.reload()}>
        {sat.data?.steward && <SatisfactionCard title='我的网格满意度' figure={sat.data.steward.all} month={sat.data.steward.month} />}
        {sat.data?.community && !sat.data.steward && <SatisfactionCard title='小区满意度' figure={sat.data.community.all} month={sat.data.community.month} />}
      </PageState>
      <View className='tabs'>
        {FILTERS.map((f) => (
          <Text key={f.key} className={`tabs__item${filter === f.key ? ' tabs__item--on' : ''}`} data-filter={f.key} onClick={() => setFilter(f.key)}>
            {f.label}
          </Text>
        ))}
      </View>
      <PageState loading={list.loading} error={list.error} hasData={!!list.data} empty={list.data?.items.length === 0} emptyText={filter === 'overdue' ? '没有超时工单' : '暂无工单'} onRetry={() => void list.reload()}>
        {list.data && <TicketList items={list.data.items} />}
      </PageState>
    </View>
  )
}
