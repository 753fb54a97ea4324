import { useMemo, useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useReloadOnReturn } from '@/hooks/use-reload-on-return'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { feesContract } from '@contracts/fees.contract'
import { callFn } from '@/services/call-fn'
import { useFnQuery } from '@/hooks/use-fn-query'
import { PageState } from '@/components/PageState'
import { usePayment } from '@/components/payment/use-payment'
import { toastError } from '@/services/toast'
import { HouseholdBillsCard } from '../../components/HouseholdBillsCard'
import { HISTORY_URL, receiptUrl, yuan } from '../../components/labels'
import '../../components/fees.scss'

/**
 * 物业缴费: unpaid bills grouped by household and fee item (late fees included, computed by the server with
 * the same rule it charges by), select several or all of one household and pay them in one order.
 * A reminder card opens it with ?householdId=… to show just that household.
 */
export default function FeesIndexPage() {
  const { params } = useRouter()
  const q = useFnQuery(feesContract, 'unpaid', params.householdId ? { householdId: params.householdId } : {})
  const { pay, sheet } = usePayment()
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const [busy, setBusy] = useState(false)
  const households = q.data?.households ?? []

  const billsById = useMemo(() => new Map(households.flatMap((h) => h.items.flatMap((g) => g.bills.map((b) => [b.billId, { bill: b, householdId: h.householdId }] as const)))), [households])
  const payableOf = (householdId: string) => households.find((h) => h.householdId === householdId)?.items.flatMap((g) => g.bills).filter((b) => !b.payingOrderId) ?? []
  const currentHousehold = [...selected].map((id) => billsById.get(id)?.householdId).find(Boolean) ?? households.find((h) => payableOf(h.householdId).length > 0)?.householdId
  const chosen = [...selected].map((id) => billsById.get(id)?.bill).filter((b): b is NonNullable<typeof b> => !!b)
  const sum = chosen.reduce((s, b) => s + b.amountFen, 0)
  const payable = currentHousehold ? payableOf(currentHousehold) : []
  const allOn = payable.length > 0 && payable.every((b) => selected.has(b.billId))

  // One payment covers one household: picking a bill of another household starts a new selection.
  const toggle = (billId: string) => {
    const owner = billsById.get(billId)?.householdId
    setSelected((prev) => {
      const next = new Set([...prev].filter((id) => billsById.get(id)?.householdId === owner))
      if (next.has(billId)) next.delete(billId)
      else next.add(billId)
      return next
    })
  }
  const toggleAll = (householdId: string | undefined) => {
    if (!householdId) return
    const ids = payableOf(householdId).map((b) => b.billId)
    const on = ids.length > 0 && ids.every((id) => selected.has(id))
    setSelected(on ? new Set() : new Set(ids))
  }

  const reload = async () => {
    await q.reload()
    setSelected(new Set())
  }
  useReloadOnReturn(reload)
  usePullDownRefresh(() => void reload().finally(() => Taro.stopPullDownRefresh()))

  const checkout = async () => {
    if (chosen.length === 0) return
    setBusy(true)
    try {
      const res = await callFn(feesContract, 'pay', { billIds: chosen.map((b) => b.billId) })
      const result = await pay(res.payment)
      if (result === 'paid') void Taro.redirectTo({ url: receiptUrl(res.orderId) })
      else void reload()
    } catch (e) {
      toastError(e)
      void reload()
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='fees-page'>
      <View className='fees-links'>
        <Text className='fees-links__item' onClick={() => void Taro.navigateTo({ url: HISTORY_URL })} data-testid='fees-history-link'>
          缴费记录与收据
        </Text>
        <Text className='fees-links__item' onClick={() => void Taro.navigateTo({ url: `${HISTORY_URL}?tab=invoices` })}>
          我的发票
        </Text>
      </View>
      <PageState
        loading={q.loading}
        error={q.error}
        hasData={!!q.data}
        empty={!!q.data && households.length === 0}
        emptyText='还没有绑定房屋，绑定后即可查看和缴纳物业费'
        emptyAction={<Button size='small' type='primary' onClick={() => void Taro.navigateTo({ url: '/packages/households/pages/bind/index' })}>去绑定</Button>}
        onRetry={() => void q.reload()}
      >
        <View className='card fees-total'>
          <Text className='fees-total__label'>待缴合计</Text>
          <Text className='fees-total__amount' data-testid='unpaid-total'>{yuan(q.data?.totalFen ?? 0)}</Text>
          <Text className='fees-total__note'>{q.data && q.data.totalFen === 0 ? '全部缴清，感谢您的支持' : '逾期账单按日加收滞纳金，以支付时金额为准'}</Text>
        </View>
        {households.map((h) => (
          <HouseholdBillsCard key={h.householdId} household={h} selected={selected} onToggle={toggle} onToggleAll={() => toggleAll(h.householdId)} />
        ))}
      </PageState>
      {payable.length > 0 && (
        <View className='fees-paybar'>
          <View className='fees-paybar__all' onClick={() => toggleAll(currentHousehold)} data-testid='select-all'>
            <View className={`fees-bill__check ${allOn ? 'fees-bill__check--on' : ''}`} />
            <Text>全选</Text>
          </View>
          <Text className='fees-paybar__sum'>
            合计 <Text className='fees-paybar__sum-amount' data-testid='selected-total'>{yuan(sum)}</Text>
          </Text>
          <Button type='primary' disabled={chosen.length === 0 || busy} loading={busy} onClick={() => void checkout()} data-testid='pay'>
            {chosen.length > 0 ? `缴费(${chosen.length})` : '缴费'}
          </Button>
        </View>
      )}
      {sheet}
    </View>
  )
}
