import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { householdsContract } from '@contracts/households.contract'
import type { StewardBoard } from '@contracts/households-workbench.schemas'
import { useFnQuery } from '@/hooks/use-fn-query'
import './index.scss'

const TOOLS: { title: string; note: string; url: string; count?: (b: StewardBoard) => number; testId?: string }[] = [
  { title: '欠费催缴', note: '网格欠费住户、账单明细、一键拨号与提醒', url: '/packages/steward/pages/arrears/index', count: (b) => b.arrears.households, testId: 'tool-arrears' },
  { title: '社群运营', note: '群二维码、今日任务', url: '/packages/groups/pages/steward/index', count: (b) => b.tasks.count, testId: 'tool-groups' },
  { title: '团购核销', note: '扫码或输入提货码', url: '/packages/groupbuy/pages/pickup/index', count: (b) => b.pickupsWaiting, testId: 'tool-pickup' },
  { title: '报修看板', note: '网格工单与满意度', url: '/packages/repairs/pages/steward/index', count: (b) => b.repairs.overdue, testId: 'tool-repairs' },
  { title: '我的业绩', note: '订单、GMV、客单价、佣金与对账单，分享管家名片', url: '/packages/steward/pages/dashboard/index' },
  { title: '我的网格', note: '楼栋住户与绑定情况', url: '/packages/households/pages/grid/index' },
  { title: '精准推送', note: '按购买、兴趣和标签圈选网格住户，预览后推送', url: '/packages/profiles/pages/segment/index', testId: 'tool-segment' },
]

/** 管家工作台: the steward's tools in one place, each with the count of what waits behind it. */
export default function StewardIndexPage() {
  const q = useFnQuery(householdsContract, 'workbench', {})
  usePullDownRefresh(() => void q.reload().finally(() => Taro.stopPullDownRefresh()))
  const board = q.data?.steward
  return (
    <View className='steward-hub'>
      {TOOLS.map((t) => {
        const n = board && t.count ? t.count(board) : 0
        return (
          <View key={t.url} className='card steward-hub__tool' data-testid={t.testId ?? 'steward-tool'} onClick={() => void Taro.navigateTo({ url: t.url })}>
            <View className='steward-hub__text'>
              <Text className='steward-hub__title'>{t.title}</Text>
              <Text className='steward-hub__note'>{t.note}</Text>
            </View>
            {n > 0 && <Text className='steward-hub__count'>{n > 99 ? '99+' : String(n)}</Text>}
          </View>
        )
      })}
    </View>
  )
}
