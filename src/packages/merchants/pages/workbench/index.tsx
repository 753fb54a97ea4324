import { useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { merchantsContract } from '@contracts/merchants.contract'
import { useFnQuery } from '@/hooks/use-fn-query'
import { PageState } from '@/components/PageState'
import { SegmentTabs } from '@/components/SegmentTabs'
import { MerchantOrders } from './MerchantOrders'
import { MerchantStatements } from './MerchantStatements'
import { InvoiceQueue } from './InvoiceQueue'
import { ratePct } from '../../components/merchant-labels'
import '../../components/merchants.scss'

type Tab = 'to_deliver' | 'all' | 'statements' | 'invoices'
// Short labels: the four tabs stay on one row at 320 px (SegmentTabs).
const TABS: { key: Tab; title: string; testId: string }[] = [
  { key: 'to_deliver', title: '待送达', testId: 'tab-to-deliver' },
  { key: 'all', title: '全部', testId: 'tab-all' },
  { key: 'statements', title: '对账单', testId: 'tab-statements' },
  { key: 'invoices', title: '发票', testId: 'tab-invoices' },
]

/** 商户工作台: the merchant's own orders (mark delivered), monthly statements and its invoice queue. */
export default function MerchantWorkbenchPage() {
  const { params } = useRouter()
  const [tab, setTab] = useState<Tab>(TABS.some((t) => t.key === params.tab) ? (params.tab as Tab) : 'to_deliver')
  const board = useFnQuery(merchantsContract, 'board', {})
  const [version, setVersion] = useState(0)
  usePullDownRefresh(() => {
    setVersion((v) => v + 1)
    void board.reload().finally(() => Taro.stopPullDownRefresh())
  })
  const b = board.data
  return (
    <View className='mc-page'>
      <PageState loading={board.loading} error={board.error} hasData={!!b} onRetry={() => void board.reload()}>
        {b && (
          <>
            <View className='mc-head'>
              <Text className='mc-head__title'>{b.merchant.name}</Text>
              <Text className='mc-head__sub'>{`${b.staffName} · 默认扣点 ${ratePct(b.merchant.defaultRateBp)} · ${b.merchant.issuesInvoices ? '自行开票' : '由物业代开发票'}`}</Text>
            </View>
            <SegmentTabs tabs={TABS} value={tab} onChange={setTab} />
            <View key={`${tab}-${version}`}>
              {tab === 'to_deliver' && <MerchantOrders filter='to_deliver' />}
              {tab === 'all' && <MerchantOrders filter='all' />}
              {tab === 'statements' && <MerchantStatements />}
              {tab === 'invoices' && <InvoiceQueue />}
            </View>
          </>
        )}
      </PageState>
    </View>
  )
}
