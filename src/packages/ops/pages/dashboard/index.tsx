import { useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { householdsContract } from '@contracts/households.contract'
import { opsContract } from '@contracts/ops.contract'
import { useFnQuery } from '@/hooks/use-fn-query'
import { PageState } from '@/components/PageState'
import { BarChart } from '@/components/figures/BarChart'
import { FigureList } from '@/components/figures/FigureList'
import { currentMonth, yuan } from '@/components/figures/figure-format'
import { MonthSwitcher } from '@/components/figures/MonthSwitcher'
import { ReportTable } from './ReportTable'
import { StatementsCard } from './StatementsCard'
import './index.scss'

function Report({ communityId }: { communityId: string }) {
  const [month, setMonth] = useState(currentMonth())
  const q = useFnQuery(opsContract, 'attributionReport', { communityId, month })
  usePullDownRefresh(() => void q.reload().finally(() => Taro.stopPullDownRefresh()))
  const community = q.data?.rows.find((r) => r.scope === 'community')
  const stewards = q.data?.rows.filter((r) => r.scope === 'steward') ?? []
  return (
    <>
      <MonthSwitcher month={month} onChange={setMonth} prefix={q.data ? `${q.data.communityName} ` : ''} />
      <PageState loading={q.loading} error={q.error} hasData={!!q.data} onRetry={() => void q.reload()}>
        {q.data && community && (
          <>
            <View className='card' data-testid='community-figures'>
              <FigureList figure={community} keys={['orders', 'gmvFen', 'avgOrderFen', 'penetration', 'firstOrderConversion', 'repurchaseRate', 'satisfaction', 'commissionNetFen']} />
            </View>
            <View className='card'>
              <Text className='ops-card__title'>各管家 GMV</Text>
              <BarChart points={stewards.map((s) => ({ label: s.label, value: s.gmvFen, caption: yuan(s.gmvFen).replace(/\.\d\d$/, '') }))} />
            </View>
            <View className='card'>
              <View className='ops-card__head'>
                <Text className='ops-card__title'>明细（小区 / 管家 / 网格）</Text>
                <Button size='small' fill='outline' onClick={() => void Taro.setClipboardData({ data: q.data!.csv })} data-testid='copy-csv'>
                  复制 CSV
                </Button>
              </View>
              <ReportTable rows={q.data.rows} />
              <Text className='ops-card__note'>管家行：归因到该管家的订单，户数与转化为其网格；网格行：网格内住户的订单（无论归因给谁）。</Text>
            </View>
          </>
        )}
      </PageState>
      <StatementsCard communityId={communityId} />
    </>
  )
}

/** 运营看板 (ops, H5 first): orders, 客单价, 复购率, 首单转化率 and 渗透率 per community, steward and grid. */
export default function OpsDashboardPage() {
  const me = useFnQuery(householdsContract, 'me', {})
  const communityId = me.data?.roles.find((r) => r.role === 'ops')?.communityId
  return (
    <View className='dash-page ops-dash'>
      <PageState loading={me.loading} error={me.error} hasData={!!me.data} empty={!!me.data && !communityId} emptyText='仅物业运营人员可以查看' onRetry={() => void me.reload()}>
        {communityId && <Report communityId={communityId} />}
      </PageState>
    </View>
  )
}
