import { useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { repairsContract } from '@contracts/repairs.contract'
import { householdsContract } from '@contracts/households.contract'
import { useFnQuery } from '@/hooks/use-fn-query'
import { PageState } from '@/components/PageState'
import { TicketList } from '../../components/TicketList'
import { useReloadOnReturn } from '@/hooks/use-reload-on-return'
import '../../components/repairs.scss'

const FILTERS = [
  { key: 'all', label: '全部' },
  { key: 'open', label: '处理中' },
  { key: 'closed', label: '已结束' },
] as const

const STAFF_LINKS = {
  technician: { title: '我的维修任务', url: '/packages/repairs/pages/queue/index' },
  steward: { title: '网格报修工单', url: '/packages/repairs/pages/steward/index' },
  ops: { title: '小区报修工单', url: '/packages/repairs/pages/steward/index' },
}

/** 报事报修: file a new ticket, follow mine; staff also get their workbench links here. */
export default function RepairsIndexPage() {
  const [filter, setFilter] = useState<(typeof FILTERS)[number]['key']>('all')
  const me = useFnQuery(householdsContract, 'me', {})
  const list = useFnQuery(repairsContract, 'mine', { filter, limit: 30 })
  useReloadOnReturn(list.reload)
  usePullDownRefresh(() => {
    void Promise.all([list.reload(), me.reload()]).finally(() => Taro.stopPullDownRefresh())
  })
  const bound = (me.data?.households.length ?? 0) > 0
  // Merchant staff have no repair work: only roles with a repairs screen get a link.
  const roles = [...new Set((me.data?.roles ?? []).map((r) => r.role))].filter((r): r is keyof typeof STAFF_LINKS => r in STAFF_LINKS)
  return (
    <View className='repairs-page'>
      {roles.length > 0 && (
        <View className='card staff-links'>
          {roles.map((r) => (
            <View key={r} className={`staff-link staff-link--${r}`} onClick={() => void Taro.navigateTo({ url: STAFF_LINKS[r].url })}>
              <Text>{STAFF_LINKS[r].title}</Text>
              <Text>›</Text>
            </View>
          ))}
        </View>
      )}
      {bound && (
        <View className='actions'>
          <Button className='new-ticket' type='primary' block onClick={() => void Taro.navigateTo({ url: '/packages/repairs/pages/new/index' })}>
            我要报修
          </Button>
        </View>
      )}
      <View className='tabs'>
        {FILTERS.map((f) => (
          <Text key={f.key} className={`tabs__item${filter === f.key ? ' tabs__item--on' : ''}`} onClick={() => setFilter(f.key)}>
            {f.label}
          </Text>
        ))}
      </View>
      <PageState
        loading={list.loading}
        error={list.error}
        hasData={!!list.data}
        empty={list.data?.items.length === 0}
        emptyText={bound || roles.length ? '还没有报修记录' : '绑定房屋后即可在线报修'}
        emptyAction={
          !bound && !roles.length && !me.loading ? (
            <Button type='primary' onClick={() => void Taro.navigateTo({ url: '/packages/households/pages/bind/index' })}>
              去绑定
            </Button>
          ) : undefined
        }
        onRetry={() => void list.reload()}
      >
        {list.data && <TicketList items={list.data.items} />}
      </PageState>
    </View>
  )
}
