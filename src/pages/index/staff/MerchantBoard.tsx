import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { merchantsBoardContract } from '@contracts/merchants-board.contract'
import { useFnQuery } from '@/hooks/use-fn-query'
import { useReloadOnReturn } from '@/hooks/use-reload-on-return'
import { PageState } from '@/components/PageState'
import { yuan } from '@/services/format'
import { Kpi, ToolRow } from './Kpi'

const WORKBENCH = '/packages/merchants/pages/workbench/index'

/** 商户工作台 on the home tab: what waits for delivery, this month's sales, the latest statement. */
export function MerchantBoard() {
  const q = useFnQuery(merchantsBoardContract, 'board', {})
  useReloadOnReturn(q.reload)
  usePullDownRefresh(() => void q.reload().finally(() => Taro.stopPullDownRefresh()))
  const b = q.data
  return (
    <PageState loading={q.loading} error={q.error} hasData={!!b} onRetry={() => void q.reload()}>
      {b && (
        <View className='staff-board' data-testid='merchant-board'>
          <View className='staff-hero staff-hero--merchant'>
            <Text className='staff-hero__title'>{b.merchant.name}</Text>
            <Text className='staff-hero__sub'>{`${b.staffName} · 商户工作台 · 默认扣点 ${b.merchant.defaultRateBp / 100}%`}</Text>
          </View>
          <View className='kpi-grid kpi-grid--3'>
            <Kpi label='待送达' value={b.toDeliver} tone={b.toDeliver > 0 ? 'alert' : 'normal'} url={`${WORKBENCH}?tab=to_deliver`} testId='count-to-deliver' />
            <Kpi label={`${Number(b.month.slice(5))}月订单`} value={b.monthOrders} note={yuan(b.monthGrossFen)} url={`${WORKBENCH}?tab=all`} testId='count-month-orders' />
            <Kpi label='待开发票' value={b.invoicesWaiting} tone={b.invoicesWaiting > 0 ? 'alert' : 'normal'} url={`${WORKBENCH}?tab=invoices`} testId='count-invoices' />
          </View>
          <View className='staff-section'>
            <Text className='staff-section__title'>结算</Text>
          </View>
          <View className='card'>
            {b.latestStatement ? (
              <ToolRow
                title={`${b.latestStatement.period} 对账单`}
                note={`应付 ${yuan(b.latestStatement.payableFen)} · 扣点 ${yuan(b.latestStatement.commissionFen)}${b.latestStatement.carryOutFen < 0 ? ` · 结转 ${yuan(b.latestStatement.carryOutFen)}` : ''}`}
                url={`${WORKBENCH}?tab=statements`}
                testId='latest-statement'
              />
            ) : (
              <ToolRow title='对账单' note='每月初结算上月，结算后可在这里查看' url={`${WORKBENCH}?tab=statements`} testId='latest-statement' />
            )}
          </View>
        </View>
      )}
    </PageState>
  )
}
