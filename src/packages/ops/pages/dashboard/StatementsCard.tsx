import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { opsContract } from '@contracts/ops.contract'
import { callFn } from '@/services/call-fn'
import { useFnQuery } from '@/hooks/use-fn-query'
import { PageState } from '@/components/PageState'
import { toastError } from '@/services/toast'
import { currentMonth, monthLabel, shiftMonth, yuan } from '@/components/figures/figure-format'

/** Last month's commission statements, and the settlement run (the timer runs it anyway; repeating is harmless). */
export function StatementsCard({ communityId }: { communityId: string }) {
  const period = shiftMonth(currentMonth(), -1)
  const q = useFnQuery(opsContract, 'attributionStatements', { communityId, period })
  const [busy, setBusy] = useState(false)
  const settle = async () => {
    setBusy(true)
    try {
      const r = await callFn(opsContract, 'attributionSettle', { period })
      void Taro.showToast({ title: r.settled ? `已结算 ${r.settled} 位管家` : '没有待结算的佣金', icon: 'none' })
      await q.reload()
    } catch (e) {
      toastError(e)
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='card'>
      <View className='ops-card__head'>
        <Text className='ops-card__title'>{monthLabel(period)}佣金对账单</Text>
        <Button size='small' type='primary' fill='outline' loading={busy} onClick={() => void settle()} data-testid='settle'>
          结算
        </Button>
      </View>
      <PageState loading={q.loading} error={q.error} hasData={!!q.data} empty={q.data?.statements.length === 0} emptyText='还没有对账单' onRetry={() => void q.reload()}>
        {q.data?.statements.map((s) => (
          <View key={s.statementId} className='ops-statement' data-testid='ops-statement'>
            <Text>{s.stewardName}</Text>
            <Text className='ops-statement__meta'>
              计提 {yuan(s.accruedFen)} · 冲回 {yuan(s.reversedFen)} · 应发 {yuan(s.payableFen)}
            </Text>
          </View>
        ))}
      </PageState>
    </View>
  )
}
