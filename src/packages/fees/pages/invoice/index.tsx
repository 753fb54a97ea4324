import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text, Input } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { feesContract, type InvoiceTitle } from '@contracts/fees.contract'
import { callFn } from '@/services/call-fn'
import { useFnQuery } from '@/hooks/use-fn-query'
import { PageState } from '@/components/PageState'
import { SegmentTabs } from '@/components/SegmentTabs'
import { toastError, toastOk } from '@/services/toast'
import { HISTORY_URL, periodLabel, yuan } from '../../components/labels'
import '../../components/fees.scss'

/** 申请发票 for the bills of one receipt that have none yet: personal or company title, optional e-mail. */
export default function FeesInvoicePage() {
  const { params } = useRouter()
  const q = useFnQuery(feesContract, 'receipt', { receiptId: params.receiptId ?? '' })
  const open = q.data?.receipt.lines.filter((l) => l.invoiceStatus === 'none') ?? []
  const [picked, setPicked] = useState<Set<string> | null>(null)
  const chosen = picked ?? new Set(open.map((l) => l.billId))
  const [type, setType] = useState<'personal' | 'company'>('personal')
  const [name, setName] = useState('')
  const [taxId, setTaxId] = useState('')
  const [email, setEmail] = useState('')
  const [busy, setBusy] = useState(false)

  const toggle = (id: string) => {
    const next = new Set(chosen)
    if (next.has(id)) next.delete(id)
    else next.add(id)
    setPicked(next)
  }
  const submit = async () => {
    const title: InvoiceTitle = type === 'company' ? { type, name: name.trim(), taxId: taxId.trim() } : { type, name: name.trim() }
    setBusy(true)
    try {
      await callFn(feesContract, 'requestInvoice', { billIds: [...chosen], title, ...(email.trim() ? { email: email.trim() } : {}) })
      toastOk('已提交')
      void Taro.redirectTo({ url: `${HISTORY_URL}?tab=invoices` })
    } catch (e) {
      toastError(e)
    } finally {
      setBusy(false)
    }
  }
  const total = open.filter((l) => chosen.has(l.billId)).reduce((s, l) => s + l.amountFen, 0)
  const ready = chosen.size > 0 && name.trim().length > 0 && (type === 'personal' || taxId.trim().length >= 15)

  return (
    <View className='fees-page'>
      <PageState loading={q.loading} error={q.error} hasData={!!q.data} empty={!!q.data && open.length === 0} emptyText='这笔缴费的账单都已申请过发票' onRetry={() => void q.reload()}>
        <View className='card'>
          <Text className='fees-form__label'>开票账单</Text>
          {open.map((l) => (
            <View key={l.billId} className='fees-bill' onClick={() => toggle(l.billId)}>
              <View className={`fees-bill__check ${chosen.has(l.billId) ? 'fees-bill__check--on' : ''}`} />
              <View className='fees-bill__body'>
                <Text className='fees-bill__title'>
                  {l.itemName} · {periodLabel(l.period)}
                </Text>
              </View>
              <Text className='fees-bill__amount'>{yuan(l.amountFen)}</Text>
            </View>
          ))}
          <Text className='fees-form__hint'>开票金额 {yuan(total)}</Text>
        </View>
        <View className='card'>
          <SegmentTabs tabs={[{ key: 'personal', title: '个人' }, { key: 'company', title: '单位', testId: 'title-company' }]} value={type} onChange={setType} />
          <View className='fees-form__row'>
            <Text className='fees-form__label'>{type === 'company' ? '单位名称' : '抬头（姓名）'}</Text>
            <Input className='fees-form__input' value={name} maxlength={60} onInput={(e) => setName(e.detail.value)} data-testid='title-name' />
          </View>
          {type === 'company' && (
            <View className='fees-form__row'>
              <Text className='fees-form__label'>税号</Text>
              <Input className='fees-form__input' value={taxId} maxlength={20} onInput={(e) => setTaxId(e.detail.value.toUpperCase())} data-testid='title-tax-id' />
              <Text className='fees-form__hint'>统一社会信用代码，15–20 位字母或数字</Text>
            </View>
          )}
          <View className='fees-form__row'>
            <Text className='fees-form__label'>接收邮箱（选填）</Text>
            <Input className='fees-form__input' type='text' value={email} maxlength={60} onInput={(e) => setEmail(e.detail.value)} />
          </View>
        </View>
        <View className='fees-receipt__actions'>
          <Button block type='primary' disabled={!ready || busy} loading={busy} onClick={() => void submit()} data-testid='submit-invoice'>
            提交申请
          </Button>
        </View>
      </PageState>
    </View>
  )
}
