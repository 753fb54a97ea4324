import { useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { merchantsContract, type OrderInvoice } from '@contracts/merchants.contract'
import { useFnPaged } from '@/hooks/use-fn-paged'
import { useFnMutation } from '@/hooks/use-fn-mutation'
import { PageState } from '@/components/PageState'
import { ListFooter } from '@/components/ListFooter'
import { dateTime, yuan } from '@/services/format'
import { toastOk } from '@/services/toast'

function InvoiceCard({ inv, communityId, onIssued }: { inv: OrderInvoice; communityId?: string; onIssued: () => void }) {
  const [no, setNo] = useState('')
  const issue = useFnMutation(merchantsContract, 'issueInvoice')
  const submit = async () => {
    if (await issue.run({ invoiceId: inv.invoiceId, invoiceNo: no.trim(), ...(communityId ? { communityId } : {}) })) {
      toastOk('已登记开票')
      onIssued()
    }
  }
  return (
    <View className='mc-card' data-testid='invoice-request' data-order-id={inv.orderId}>
      <View className='mc-card__row'>
        <Text className='mc-card__title'>{inv.title.name}</Text>
        <Text className={`mc-tag ${inv.status === 'issued' ? 'mc-tag--ok' : 'mc-tag--wait'}`}>{inv.status === 'issued' ? '已开具' : '待开具'}</Text>
      </View>
      <Text className='mc-card__meta'>{`${inv.title.type === 'company' ? `单位 · 税号 ${inv.title.taxId}` : '个人'}${inv.email ? ` · ${inv.email}` : ''}`}</Text>
      <View className='mc-card__money'>
        <Text>{inv.orderTitle}</Text>
        <Text className='mc-card__strong'>{yuan(inv.amountFen)}</Text>
      </View>
      <Text className='mc-card__meta'>{inv.status === 'issued' ? `发票号 ${inv.invoiceNo} · ${dateTime(inv.issuedAt!)}` : `${dateTime(inv.requestedAt)} 申请`}</Text>
      {inv.status === 'requested' && (
        <View className='mc-form__row'>
          <Input className='mc-form__input' placeholder='开具后填写发票号码' value={no} maxlength={20} onInput={(e) => setNo(e.detail.value)} data-testid='invoice-no' />
          <View className='mc-card__actions'>
            <Button size='small' type='primary' disabled={no.trim().length < 8} loading={issue.busy} onClick={() => void submit()} data-testid='issue-invoice'>
              登记已开票
            </Button>
          </View>
        </View>
      )}
    </View>
  )
}

/** The invoice requests waiting at this issuer (the merchant's own queue, or the property company's for ops). */
export function InvoiceQueue({ communityId }: { communityId?: string }) {
  const list = useFnPaged(merchantsContract, 'invoiceQueue', communityId ? { communityId } : {})
  const issuer = list.last?.issuerName
  return (
    <PageState loading={list.loading && !list.loaded} error={list.error} hasData={list.loaded} empty={list.loaded && list.items.length === 0} emptyText={communityId ? '没有发票申请：物业自营订单的住户在「我的 › 订单发票」申请后，会出现在这里' : '没有发票申请：住户为本店订单申请开票后，会出现在这里'} onRetry={() => void list.reload()}>
      {issuer && <Text className='mc-note'>{`开票方：${issuer}。住户为本方销售的订单申请的发票会出现在这里。`}</Text>}
      {list.items.map((inv) => (
        <InvoiceCard key={inv.invoiceId} inv={inv} communityId={communityId} onIssued={() => void list.reload()} />
      ))}
      <ListFooter loadingMore={list.loadingMore} hasMore={list.hasMore} count={list.items.length} />
    </PageState>
  )
}
