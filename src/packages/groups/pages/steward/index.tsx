import { useState } from 'react'
import Taro, { usePullDownRefresh, useShareAppMessage } from '@tarojs/taro'
import { useReloadOnReturn } from '@/hooks/use-reload-on-return'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { groupsContract, type GroupView, type StewardTask } from '@contracts/groups.contract'
import { callFn } from '@/services/call-fn'
import { useFnQuery } from '@/hooks/use-fn-query'
import { PageState } from '@/components/PageState'
import { GroupCard } from '../../components/GroupCard'
import { TaskList } from '../../components/TaskList'
import { ReplySearch } from '../../components/ReplySearch'
import '../../components/groups.scss'
import { toastError } from '@/services/toast'

type MoveInfo = { groupId: string; members: { label: string; lastActiveAt: string }[]; target: { name: string } | null }

/** 社群运营 (steward): today's tasks, my groups with capacity / code expiry / stage / score, reply lookup. */
export default function StewardGroupsPage() {
  const tasks = useFnQuery(groupsContract, 'todayTasks', {})
  const groups = useFnQuery(groupsContract, 'myGroups', {})
  const [move, setMove] = useState<MoveInfo | null>(null)
  const reload = () => Promise.all([tasks.reload(), groups.reload()])
  // Coming back from the upload page: show the new expiry without a manual refresh.
  useReloadOnReturn(reload)
  usePullDownRefresh(() => void reload().finally(() => Taro.stopPullDownRefresh()))
  // The bind card: opened inside the WeChat group, it binds that group's openGId to this record.
  useShareAppMessage((res) => {
    const ds = (res.target as { dataset?: { groupId?: string; groupName?: string } } | undefined)?.dataset
    if (!ds?.groupId) return { title: '阳光社区', path: '/pages/index/index' }
    return { title: `${ds.groupName ?? '本群'}专属服务入口`, path: `/packages/groups/pages/bind/index?groupId=${ds.groupId}` }
  })

  const ack = async (t: StewardTask) => {
    try {
      await callFn(groupsContract, 'ackTask', { taskId: t.id })
      await tasks.reload()
    } catch (e) {
      toastError(e, '操作失败')
    }
  }
  const showMove = async (g: GroupView) => {
    try {
      const res = await callFn(groupsContract, 'membersToMove', { groupId: g.id })
      setMove({ groupId: g.id, members: res.members, target: res.target })
    } catch (e) {
      toastError(e, '查询失败')
    }
  }

  return (
    <View className='groups-page steward-groups-page'>
      <PageState loading={groups.loading} error={groups.error ?? tasks.error} hasData={!!groups.data} onRetry={() => void reload()}>
        <Text className='section-title'>今日任务{tasks.data ? `（${tasks.data.date}）` : ''}</Text>
        {tasks.data && <TaskList tasks={tasks.data.tasks} onAck={(t) => void ack(t)} />}
        <View className='section-head'>
          <Text className='section-title'>我的社群</Text>
        </View>
        {groups.data?.groups.length === 0 && <Text className='card'>还没有社群，先新建一个吧</Text>}
        {groups.data?.groups.map((g) => (
          <View key={g.id}>
            <GroupCard group={g} onMove={(x) => void showMove(x)} />
            {move?.groupId === g.id && (
              <View className='card move-list'>
                <Text>仍活跃的成员 {move.members.length} 位{move.target ? `，建议邀请到「${move.target.name}」` : '，暂无可迁入的活跃群'}</Text>
                {move.members.map((m) => (
                  <Text key={`${m.label}-${m.lastActiveAt}`}>· {m.label}</Text>
                ))}
              </View>
            )}
          </View>
        ))}
        <View className='groups-actions'>
          <Button className='create-group' onClick={() => void Taro.navigateTo({ url: '/packages/groups/pages/create/index' })}>
            新建社群
          </Button>
        </View>
        <Text className='section-title'>关键词回复</Text>
        <ReplySearch />
      </PageState>
    </View>
  )
}
