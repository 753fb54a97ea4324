import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { householdsContract } from '@contracts/households.contract'
import { merchantsContract } from '@contracts/merchants.contract'
import { useFnQuery } from '@/hooks/use-fn-query'
import { useFnPaged } from '@/hooks/use-fn-paged'
import { useFnMutation } from '@/hooks/use-fn-mutation'
import { ListFooter } from '@/components/ListFooter'
import { dateTime, yuan } from '@/services/format'
import { toastOk } from '@/services/toast'
import type { MerchantView } from '@contracts/merchants.schemas'
import { PageState } from '@/components/PageState'
import { SegmentTabs } from '@/components/SegmentTabs'
import { LISTING_KIND_LABEL, ratePct } from '../../components/merchant-labels'
import { InvoiceQueue } from '../workbench/InvoiceQueue'
import { OnboardForm } from './OnboardForm'
import { AddStaffForm } from './AddStaffForm'
import { SellerEditor } from './SellerEditor'
import { MerchantReport } from './MerchantReport'
import { orderSplitUrl } from '../../components/split-links'
import '../../components/merchants.scss'

type Tab = 'merchants' | 'sellers' | 'splits' | 'report' | 'invoices'
// Two characters each: five tabs stay on one row at 320 px (the page title, 商户与结算, says the rest).
const TABS: { key: Tab; title: string; testId: string }[] = [
  { key: 'merchants', title: '商户', testId: 'tab-merchants' },
  { key: 'sellers', title: '扣点', testId: 'tab-sellers' },
  { key: 'splits', title: '分账', testId: 'tab-splits' },
  { key: 'report', title: '月报', testId: 'tab-report' },
  { key: 'invoices', title: '发票', testId: 'tab-invoices' },
]

const RECEIVER_LABEL = { added: '分账接收方已登记', pending: '分账接收方登记中', failed: '分账接收方登记失败' } as const

/** Whether WeChat Pay accepted the settlement account as a 分账 receiver; 重新登记 when it did not (yet). */
function ReceiverStatus({ communityId, m, onChanged }: { communityId: string; m: MerchantView; onChanged: () => void }) {
  const retry = useFnMutation(merchantsContract, 'retryReceiver')
  const r = m.receiver
  const again = async () => {
    const out = await retry.run({ communityId, merchantId: m.merchantId })
    if (out) {
      if (out.merchant.receiver?.state === 'added') toastOk('已登记为分账接收方')
      onChanged()
    }
  }
  return (
    <View className='mc-card__receiver' data-testid='receiver-status' data-state={r?.state ?? 'none'}>
      <Text className={`mc-tag ${r?.state === 'added' ? 'mc-tag--ok' : r?.state === 'failed' ? 'mc-tag--alert' : 'mc-tag--wait'}`}>{r ? RECEIVER_LABEL[r.state] : '分账接收方未登记'}</Text>
      {r?.lastError && r.state !== 'added' ? <Text className='mc-card__meta'>{`原因：${r.lastError}`}</Text> : null}
      {r?.state !== 'added' ? (
        <Button size='small' loading={retry.busy} onClick={() => void again()} data-testid='retry-receiver'>
          重新登记
        </Button>
      ) : null}
    </View>
  )
}

/** The community's paid orders with their split (as each order records it); tap one for its 订单分账 page. */
function Splits({ communityId }: { communityId: string }) {
  const list = useFnPaged(merchantsContract, 'splits', { communityId }, { reloadOnReturn: true })
  return (
    <PageState loading={list.loading && !list.loaded} error={list.error} hasData={list.loaded} empty={list.loaded && list.items.length === 0} emptyText='还没有已支付的团购或服务订单' onRetry={() => void list.reload()}>
      {list.items.map((s) => (
        <View key={s.orderId} className='mc-card' data-testid='split-row' data-order-id={s.orderId} onClick={() => void Taro.navigateTo({ url: orderSplitUrl(s.orderId, communityId) })}>
          <View className='mc-card__row'>
            <Text className='mc-card__title'>{s.title}</Text>
            <Text className='mc-tag'>{s.status}</Text>
          </View>
          <Text className='mc-card__meta'>{`${s.orderNo ?? s.orderId}${s.paidAt ? ` · ${dateTime(s.paidAt)}` : ''}`}</Text>
          <View className='mc-card__money'>
            <Text className='mc-card__strong'>{`卖方 ${s.seller.kind === 'merchant' ? s.seller.name : '物业自营'}`}</Text>
            <Text>{`实收 ${yuan(s.grossFen)}`}</Text>
            {s.seller.kind === 'merchant' && <Text>{`扣点 ${ratePct(s.rateBp)}`}</Text>}
            {s.seller.kind === 'merchant' && <Text>{`应结 ${yuan(s.merchantFen)}`}</Text>}
          </View>
        </View>
      ))}
      <ListFooter loadingMore={list.loadingMore} hasMore={list.hasMore} count={list.items.length} />
    </PageState>
  )
}

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
              <ReceiverStatus communityId={communityId} m={m} onChanged={() => void q.reload()} />
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
            {tab === 'splits' && <Splits communityId={communityId} />}
            {tab === 'report' && <MerchantReport communityId={communityId} />}
            {tab === 'invoices' && <InvoiceQueue communityId={communityId} />}
          </>
        )}
      </PageState>
    </View>
  )
}
