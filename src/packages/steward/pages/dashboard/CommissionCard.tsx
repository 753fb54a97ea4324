import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { attributionContract, type DashboardOutput, type StatementEntry } from '@contracts/attribution.contract'
import { callFn } from '@/services/call-fn'
import { monthLabel, yuan } from '@/components/figures/figure-format'

const TYPE_LABEL = { fee: '物业费', groupbuy: '团购', service: '服务' } as const

function EntryRow({ e }: { e: StatementEntry }) {
  const reversal = e.kind === 'reversal'
  return (
    <View className='statement-entry' data-testid='statement-entry'>
      <View className='statement-entry__main'>
        <Text className='statement-entry__title'>
          {TYPE_LABEL[e.orderType]} · {e.title}
        </Text>
        <Text className='statement-entry__meta'>
          {reversal ? `退款 ${yuan(e.refundFen ?? 0)} 冲回` : `${yuan(e.baseFen ?? 0)} × ${((e.rateBp ?? 0) / 100).toFixed(1)}%`}
        </Text>
      </View>
      <Text className={`statement-entry__amount ${reversal ? 'statement-entry__amount--minus' : ''}`}>
        {reversal ? '-' : '+'}
        {yuan(e.amountFen)}
      </Text>
    </View>
  )
}

/** 佣金: what is not settled yet, the latest monthly statement, and its lines on demand. */
export function CommissionCard({ data }: { data: DashboardOutput }) {
  const s = data.latestStatement
  const [entries, setEntries] = useState<StatementEntry[]>()
  const [loading, setLoading] = useState(false)
  const open = async () => {
    if (!s) return
    setLoading(true)
    try {
      const res = await callFn(attributionContract, 'statement', { communityId: data.communityId, period: s.period, limit: 50 })
      setEntries(res.entries)
    } finally {
      setLoading(false)
    }
  }
  return (
    <View className='card commission-card'>
      <Text className='dash-card__title'>佣金</Text>
      <View className='commission-card__row'>
        <Text>待结算（冻结期内或待下次结算）</Text>
        <Text data-testid='unsettled'>{yuan(data.unsettled.accruedFen - data.unsettled.reversedFen)}</Text>
      </View>
      {s ? (
        <View className='statement' data-testid='latest-statement'>
          <View className='commission-card__row'>
            <Text>{monthLabel(s.period)}对账单</Text>
            <Text className='statement__payable'>应发 {yuan(s.payableFen)}</Text>
          </View>
          <Text className='statement__meta'>
            计提 {s.accrualCount} 笔 {yuan(s.accruedFen)} · 冲回 {s.reversalCount} 笔 {yuan(s.reversedFen)}
            {s.carryInFen < 0 ? ` · 上期结转 ${yuan(s.carryInFen)}` : ''}
            {s.carryOutFen < 0 ? ` · 结转下期 ${yuan(s.carryOutFen)}` : ''}
          </Text>
          {entries ? (
            entries.map((e) => <EntryRow key={e.entryId} e={e} />)
          ) : (
            <Button size='small' fill='outline' loading={loading} onClick={() => void open()}>
              查看明细
            </Button>
          )}
        </View>
      ) : (
        <Text className='statement__meta'>还没有月度对账单：每月1日结算上月已过冻结期的佣金。</Text>
      )}
    </View>
  )
}
