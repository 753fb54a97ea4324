import { useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { eventsContract } from '@contracts/events.contract'
import { householdsContract } from '@contracts/households.contract'
import { useFnQuery } from '@/hooks/use-fn-query'
import { useFnMutation } from '@/hooks/use-fn-mutation'
import { PageState } from '@/components/PageState'
import { SegmentTabs } from '@/components/SegmentTabs'
import { toastOk } from '@/services/toast'
import { CostCard } from '../../components/CostCard'
import { EVENTS_URL } from '../../components/labels'
import '../../components/events.scss'

type Tab = 'submitted' | 'approved' | 'rejected'
const TABS: { key: Tab; title: string; testId: string }[] = [
  { key: 'submitted', title: '待核销', testId: 'costs-tab-submitted' },
  { key: 'approved', title: '已核销', testId: 'costs-tab-approved' },
  { key: 'rejected', title: '已驳回', testId: 'costs-tab-rejected' },
]

/** 活动费用: costs with receipts; ops approve or reject others' submissions (费用核销); stewards see their own. */
export default function CostsPage() {
  const [tab, setTab] = useState<Tab>('submitted')
  const q = useFnQuery(eventsContract, 'costs', { status: tab })
  const me = useFnQuery(householdsContract, 'me', {})
  const review = useFnMutation(eventsContract, 'reviewCost')
  useDidShow(() => void q.reload())
  usePullDownRefresh(() => void q.reload().finally(() => Taro.stopPullDownRefresh()))
  const isOps = (me.data?.roles ?? []).some((r) => r.role === 'ops')
  const costs = q.data?.costs ?? []

  const onReview = async (costId: string, decision: 'approve' | 'reject', note: string) => {
    if (await review.run({ costId, decision, note })) {
      toastOk(decision === 'approve' ? '已核销' : '已驳回')
      void q.reload()
    }
  }

  return (
    <View className='ev-page' data-testid='costs-page'>
      <View className='ev-toolbar'>
        <Text className='section-title'>活动与团购费用</Text>
        {isOps && (
          <Text className='ev-link' onClick={() => void Taro.navigateTo({ url: EVENTS_URL.roi })} data-testid='roi-link'>
            活动 ROI ›
          </Text>
        )}
      </View>
      <SegmentTabs tabs={TABS} value={tab} onChange={setTab} />
      <PageState loading={q.loading} error={q.error} hasData={!!q.data} empty={costs.length === 0} emptyText={tab === 'submitted' ? '没有待核销的费用' : '暂无记录'} onRetry={() => void q.reload()}>
        {costs.map((c) => (
          <CostCard key={c.costId} cost={c} busy={review.busy} onReview={(d, n) => void onReview(c.costId, d, n)} />
        ))}
      </PageState>
      <View className='ev-actions'>
        <Button type='primary' onClick={() => void Taro.navigateTo({ url: EVENTS_URL.costNew })} data-testid='cost-new'>
          登记费用
        </Button>
      </View>
    </View>
  )
}
