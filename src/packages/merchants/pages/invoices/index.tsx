import { useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { merchantsContract, type InvoiceableOrder } from '@contracts/merchants.contract'
import type { InvoiceTitle } from '@contracts/fees.contract'
import { useFnPaged } from '@/hooks/use-fn-paged'
import { useFnMutation } from '@/hooks/use-fn-mutation'
import { PageState } from '@/components/PageState'
import { ListFooter } from '@/components/ListFooter'
import { SegmentTabs } from '@/components/SegmentTabs'
import { dateTime, yuan } from '@/services/format'
import { toastOk } from '@/services/toast'
import '../../components/merchants.scss'

function RequestForm({ order, onDone }: { order: InvoiceableOrder; onDone: () => void }) {
  const [type, setType] = useState<'personal' | 'company'>('personal')
  const [name, setName] = useState('')
  const [taxId, setTaxId] = useState('')
  const ask = useFnMutation(merchantsContract, 'requestInvoice')
  const ready = name.trim().length > 0 && (type === 'personal' || taxId.trim().length >= 15)
  const submit = async () => {
    const title: InvoiceTitle = type === 'company' ? { type, name: name.trim(), taxId: taxId.trim() } : { type, name: name.trim() }
    if (await ask.run({ orderId: order.orderId, title })) {
      toastOk(`已提交给${order.issuer.name}`)
      onDone()
    }
  }
  return (
    <View className='mc-form' data-testid='invoice-form'>
      <SegmentTabs tabs={[{ key: 'personal', title: '个人' }, { key: 'company', title: '单位', testId: 'title-company' }]} value={type} onChange={setType} />
      <View className='mc-form__row'>
        <Text className='mc-form__label'>{type === 'company' ? '单位名称' : '抬头（姓名）'}</Text>
        <Input className='mc-form__input' value={name} maxlength={60} onInput={(e) => setName(e.detail.value)} data-testid='title-name' />
      </View>
      {type === 'company' && (
        <View className='mc-form__row'>
          <Text className='mc-form__label'>税号</Text>
          <Input className='mc-form__input' value={taxId} maxlength={20} onInput={(e) => setTaxId(e.detail.value.toUpperCase())} data-testid='title-tax-id' />
        </View>
      )}
      <View className='mc-card__actions'>
        <Button size='small' type='primary' disabled={!ready} loading={ask.busy} onClick={() => void submit()} data-testid='submit-invoice'>
          {`提交给${order.issuer.name}`}
        </Button>
      </View>
    </View>
  )
}

function OrderRow({ o, onChanged }: { o: InvoiceableOrder; onChanged: () => void }) {
  const [open, setOpen] = useState(false)
  return (
    <View className='mc-card' data-testid='invoice-order' data-order-id={o.orderId}>
      <View className='mc-card__row'>
        <Text className='mc-card__title'>{o.title}</Text>
        {o.invoice ? <Text className={`mc-tag ${o.invoice.status === 'issued' ? 'mc-tag--ok' : 'mc-tag--wait'}`}>{o.invoice.status === 'issued' ? '已开票' : '开票中'}</Text> : null}
      </View>
      <Text className='mc-card__meta'>{`${dateTime(o.paidAt)} · 可开票金额 ${yuan(o.amountFen)}`}</Text>
      <View className='mc-card__money'>
        <Text>{`卖方：${o.seller.name}`}</Text>
        <Text className='mc-card__strong' data-testid='issuer'>{`开票方：${o.issuer.name}`}</Text>
      </View>
      {o.invoice?.status === 'issued' && <Text className='mc-card__meta'>{`发票号 ${o.invoice.invoiceNo}`}</Text>}
      {!o.invoice && o.amountFen > 0 && !open && (
        <View className='mc-card__actions'>
          <Button size='small' fill='outline' onClick={() => setOpen(true)} data-testid='ask-invoice'>
            申请发票
          </Button>
        </View>
      )}
      {!o.invoice && open && <RequestForm order={o} onDone={onChanged} />}
    </View>
  )
}

/**
 * 订单发票: group-buy and service orders the caller paid, each with who sold it and who issues its invoice —
 * the merchant for its own sales, the property company for its own (物业费发票 stay in 缴费记录).
 */
export default function OrderInvoicesPage() {
  const list = useFnPaged(merchantsContract, 'invoiceOrders', {}, { reloadOnReturn: true })
  return (
    <View className='mc-page'>
      <Text className='mc-note'>发票由实际销售方开具：商户销售的商品与服务由商户开票，物业自营由物业公司开票。物业费发票请在「物业缴费 › 缴费记录」申请。</Text>
      <PageState loading={list.loading && !list.loaded} error={list.error} hasData={list.loaded} empty={list.loaded && list.items.length === 0} emptyText='还没有可开票的团购或服务订单' onRetry={() => void list.reload()}>
        {list.items.map((o) => (
          <OrderRow key={o.orderId} o={o} onChanged={() => void list.reload()} />
        ))}
        <ListFooter loadingMore={list.loadingMore} hasMore={list.hasMore} count={list.items.length} />
      </PageState>
    </View>
  )
}
