import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { merchantsContract, type MerchantStatement } from '@contracts/merchants.contract'
import type { ActionOutput } from '@contracts/envelope'
import { useFnQuery } from '@/hooks/use-fn-query'
import { PageState } from '@/components/PageState'
import { callFn } from '@/services/call-fn'
import { toastError } from '@/services/toast'
import { dateTime, yuan } from '@/services/format'
import { STATEMENT_STATUS_LABEL } from '../../components/merchant-labels'

/** An `unshared` entry: a split that paid nothing (the statement pays it) or a return that took nothing back (deducted). */
const entryLabel = (e: Entries[number]) =>
  e.kind === 'sale' ? '销售' : e.kind === 'refund' ? '退款' : e.viaSharingFen < 0 ? '分账未成功，由对账单支付' : '分账回退未成功，由对账单扣回'

type Entries = ActionOutput<typeof merchantsContract, 'statementEntries'>['items']

function StatementCard({ s }: { s: MerchantStatement }) {
  const [entries, setEntries] = useState<Entries>()
  const toggle = async () => {
    if (entries) return setEntries(undefined)
    try {
      setEntries((await callFn(merchantsContract, 'statementEntries', { statementId: s.statementId, limit: 50 })).items)
    } catch (e) {
      toastError(e)
    }
  }
  return (
    <View className='mc-card' data-testid='merchant-statement' data-period={s.period}>
      <View className='mc-card__row'>
        <Text className='mc-card__title'>{`${s.period} 对账单`}</Text>
        <Text className={`mc-tag ${s.status === 'final' ? 'mc-tag--ok' : 'mc-tag--wait'}`}>{STATEMENT_STATUS_LABEL[s.status]}</Text>
      </View>
      <View className='mc-card__money'>
        <Text>{`销售 ${s.saleCount} 笔 ${yuan(s.salesFen)}`}</Text>
        <Text>{`退款 ${s.refundCount} 笔 ${yuan(s.refundsFen)}`}</Text>
        <Text>{`扣点 ${yuan(s.commissionFen)}`}</Text>
        <Text>{`本月净额 ${yuan(s.netFen)}`}</Text>
        <Text data-testid='statement-via-sharing'>{`已通过分账 ${yuan(s.viaSharingFen)}`}</Text>
        {s.carryInFen !== 0 && <Text className='mc-card__neg'>{`上期结转 ${yuan(s.carryInFen)}`}</Text>}
      </View>
      <View className='mc-card__money'>
        <Text className='mc-card__strong' data-testid='statement-payable'>{`本期应付 ${yuan(s.payableFen)}`}</Text>
        {s.carryOutFen < 0 && <Text className='mc-card__neg'>{`结转下期 ${yuan(s.carryOutFen)}`}</Text>}
      </View>
      <Text className='mc-link' onClick={() => void toggle()}>
        {entries ? '收起明细' : '查看明细 ›'}
      </Text>
      {entries?.map((e) => (
        <View key={e.entryId} className='mc-entry'>
          <Text>{`${entryLabel(e)} · ${e.title}`}</Text>
          <Text className={e.merchantFen < 0 ? 'mc-card__neg' : ''}>{e.kind === 'unshared' ? `分账 ${yuan(e.viaSharingFen)}` : yuan(e.merchantFen)}</Text>
        </View>
      ))}
      {entries && entries.length > 0 && <Text className='mc-card__meta'>{`最后一笔 ${dateTime(entries[entries.length - 1].at)}`}</Text>}
    </View>
  )
}

/** Monthly statements, newest first: what was sold and refunded, 扣点, what is payable and what carries over. */
export function MerchantStatements() {
  const q = useFnQuery(merchantsContract, 'statements', {})
  return (
    <PageState loading={q.loading} error={q.error} hasData={!!q.data} empty={!!q.data && q.data.statements.length === 0} emptyText='还没有对账单：每月 1 日结算上个月' onRetry={() => void q.reload()}>
      {q.data?.statements.map((s) => <StatementCard key={s.statementId} s={s} />)}
      <Text className='mc-note'>本期应付 = 本月净额（销售中本店应得 − 退款回退）− 已通过微信分账到账的部分 + 上期结转；结算后发生的退款在下一期扣回，余额为负时结转到下期。</Text>
    </PageState>
  )
}
