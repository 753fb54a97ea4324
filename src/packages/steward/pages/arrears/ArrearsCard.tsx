import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { ArrearsRow } from '@contracts/fees.contract'
import { dateTime, periodLabel, yuan } from '../../components/format'

/**
 * One owing household: who (masked as policy says), how much and since when, the bills behind the total
 * on demand, and the two things a steward does next — call (through a relay number) or remind.
 */
export function ArrearsCard({ row, busy, onRemind, onCall }: { row: ArrearsRow; busy: boolean; onRemind: () => void; onCall: () => void }) {
  const [open, setOpen] = useState(false)
  return (
    <View className='card arrears-row' data-testid='arrears-row' data-household-id={row.householdId}>
      <View className='arrears-row__top'>
        <View className='arrears-row__main'>
          <Text className='arrears-row__label'>{row.label}</Text>
          <Text className='arrears-row__owner' data-testid='arrears-owner'>
            业主 {row.ownerNameMasked || '—'}
            {row.phoneHint ? ` · 手机${row.phoneHint}` : ''}
          </Text>
          <Text className='arrears-row__meta'>
            欠 {row.monthsOwed} 个月 · {row.billCount} 笔 · 自{periodLabel(row.oldestPeriod)}起
          </Text>
          <Text className='arrears-row__meta'>{row.lastRemindedAt ? `上次提醒 ${dateTime(row.lastRemindedAt)}` : '尚未提醒'}</Text>
        </View>
        <View className='arrears-row__side'>
          <Text className='arrears-row__amount'>{yuan(row.amountFen)}</Text>
          {row.lateFeeFen > 0 && <Text className='arrears-row__late'>含滞纳金 {yuan(row.lateFeeFen)}</Text>}
          <Text className='arrears-row__toggle' data-testid='toggle-bills' onClick={() => setOpen(!open)}>
            {open ? '收起明细' : '账单明细'}
          </Text>
        </View>
      </View>
      {open && (
        <View className='bill-breakdown' data-testid='bill-breakdown'>
          {row.bills.map((b) => (
            <View key={b.billId} className='bill-breakdown__row'>
              <Text className='bill-breakdown__name'>
                {periodLabel(b.period)} {b.itemName}
              </Text>
              <Text className='bill-breakdown__amount'>
                {yuan(b.amountFen)}
                {b.lateFeeFen > 0 ? <Text className='bill-breakdown__late'>{`（含滞纳金 ${yuan(b.lateFeeFen)}）`}</Text> : null}
              </Text>
            </View>
          ))}
        </View>
      )}
      <View className='arrears-row__actions'>
        <Button size='small' fill='outline' onClick={onCall} disabled={busy} data-testid='call-owner'>
          一键拨号
        </Button>
        <Button size='small' type='primary' fill='outline' disabled={!row.canRemind || busy} onClick={onRemind} data-testid='remind'>
          {row.canRemind ? '提醒缴费' : '3天内已提醒'}
        </Button>
      </View>
    </View>
  )
}
