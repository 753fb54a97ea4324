import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { householdsContract } from '@contracts/households.contract'
import { merchantsContract } from '@contracts/merchants.contract'
import { useFnQuery } from '@/hooks/use-fn-query'
import { PageState } from '@/components/PageState'
import { SegmentTabs } from '@/components/SegmentTabs'
import { LISTING_KIND_LABEL, ratePct } from '../../components/merchant-labels'
import { InvoiceQueue } from '../workbench/InvoiceQueue'
import { OnboardForm } from './OnboardForm'
import { AddStaffForm } from './AddStaffForm'
import { SellerEditor } from './SellerEditor'
import { MerchantReport } from './MerchantReport'
import '../../components/merchants.scss'

type Tab = 'merchants' | 'sellers' | 'report' | 'invoices'
const TABS: { key: Tab; title: string; testId: string }[] = [
  { key: 'merchants', title: '商户', testId: 'tab-merchants' },
  { key: 'sellers', title: '卖方扣点', testId: 'tab-sellers' },
  { key: 'report', title: '月报', testId: 'tab-report' },
  { key: 'invoices', title: '物业发票', testId: 'tab-invoices' },
]

function Merchants({ communityId }: { communityId: string }) {
  const q = useFnQuery(merchantsContract, 'list', { communityId })
  const [adding, setAdding] = useState(false)
  const [staffFor, setStaffFor] = useState<string | null>(null)
  return (
    <PageState loading={q.loading} error={q.error} hasData={!!q.data} onRetry={() => void q.reload()}>
      {q.data && (
        <>
          {q.data.merchants.map((m) => (
            <View key={m.merchantId} className='mc-card' data-testid='merchant-row'>
              <View className='mc-card__row'>
                <Text className='mc-card__title'>{m.name}</Text>
                <Text className={`mc-tag ${m.status === 'active' ? 'mc-tag--ok' : 'mc-tag--alert'}`}>{m.status === 'active' ? '营业中' : '已停用'}</Text>
              </View>
              <Text className='mc-card__meta'>{`执照 ${m.licenceNo} · ${m.contactName} 尾号${m.contactPhoneLast4}`}</Text>
              <View className='mc-card__money'>
                <Text>{`默认扣点 ${ratePct(m.defaultRateBp)}`}</Text>
                <Text>{m.issuesInvoices ? '自行开票' : '物业代开发票'}</Text>
                <Text>{`分账账户 ${m.settlementAccount}`}</Text>
              </View>
              {staffFor === m.merchantId ? (
                <AddStaffForm communityId={communityId} merchantId={m.merchantId} onDone={() => setStaffFor(null)} />
              ) : (
                <Text className='mc-link' onClick={() => setStaffFor(m.merchantId)}>
                  ＋ 添加员工
                </Text>
              )}
            </View>
          ))}
          {adding ? (
            <OnboardForm communityId={communityId} onDone={() => { setAdding(false); void q.reload() }} />
          ) : (
            <Text className='mc-link' onClick={() => setAdding(true)} data-testid='add-merchant'>
              ＋ 新增商户
            </Text>
          )}
          <Text className='mc-note'>添加员工后，员工的小程序首页即为商户工作台：只看本店订单、标记送达、查看对账单与发票申请。</Text>
        </>
      )}
    </PageState>
  )
}

function Sellers({ communityId }: { communityId: string }) {
  const q = useFnQuery(merchantsContract, 'list', { communityId })
  const [editing, setEditing] = useState<string | null>(null)
  return (
    <PageState loading={q.loading} error={q.error} hasData={!!q.data} empty={!!q.data && q.data.listings.length === 0} emptyText='还没有团购活动或服务项目' onRetry={() => void q.reload()}>
      <Text className='mc-note'>每个团购活动和上门服务都有卖方：默认物业自营；改为商户后，之后支付的订单按该扣点分账，商户负责送达与开票。</Text>
      {q.data?.listings.map((l) => {
        const key = `${l.kind}-${l.refId}`
        return (
          <View key={key} className='mc-card' data-testid='listing-row' data-ref-id={l.refId}>
            <View className='mc-card__row' onClick={() => setEditing(editing === key ? null : key)}>
              <Text className='mc-tag'>{LISTING_KIND_LABEL[l.kind]}</Text>
              <Text className='mc-card__title'>{l.title}</Text>
              <Text className='mc-link'>{editing === key ? '收起' : '设置 ›'}</Text>
            </View>
            <View className='mc-card__money'>
              <Text className='mc-card__strong'>{`卖方：${l.seller.name}`}</Text>
              {l.seller.kind === 'merchant' && <Text>{`扣点 ${ratePct(l.rateBp)}`}</Text>}
            </View>
            {l.rateReason && <Text className='mc-card__meta'>{`调整原因：${l.rateReason}`}</Text>}
            {editing === key && q.data && <SellerEditor communityId={communityId} row={l} merchants={q.data.merchants} onDone={() => { setEditing(null); void q.reload() }} />}
          </View>
        )
      })}
    </PageState>
  )
}

/** 商户与结算 (ops): merchants of the community, who sells each campaign / service at what 扣点, the month's report, the property company's invoice queue. */
export default function MerchantsOpsPage() {
  const me = useFnQuery(householdsContract, 'me', {})
  const communityId = me.data?.roles.find((r) => r.role === 'ops')?.communityId
  const [tab, setTab] = useState<Tab>('merchants')
  return (
    <View className='mc-page'>
      <PageState loading={me.loading} error={me.error} hasData={!!me.data} empty={!!me.data && !communityId} emptyText='仅物业运营人员可以管理商户' onRetry={() => void me.reload()}>
        {communityId && (
          <>
            <SegmentTabs tabs={TABS} value={tab} onChange={setTab} />
            {tab === 'merchants' && <Merchants communityId={communityId} />}
            {tab === 'sellers' && <Sellers communityId={communityId} />}
            {tab === 'report' && <MerchantReport communityId={communityId} />}
            {tab === 'invoices' && <InvoiceQueue communityId={communityId} />}
          </>
        )}
      </PageState>
    </View>
  )
}
