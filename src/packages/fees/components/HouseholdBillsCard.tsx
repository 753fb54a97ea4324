import { View, Text } from '@tarojs/components'
import type { HouseholdBills } from '@contracts/fees.contract'
import { BillRow } from './BillRow'
import { yuan } from './labels'

export interface HouseholdBillsCardProps {
  household: HouseholdBills
  selected: Set<string>
  onToggle: (billId: string) => void
  onToggleAll: () => void
}

/** The unpaid bills of one household, grouped by fee item, with subtotals and the household's total. */
export function HouseholdBillsCard({ household, selected, onToggle, onToggleAll }: HouseholdBillsCardProps) {
  const payable = household.items.flatMap((g) => g.bills).filter((b) => !b.payingOrderId)
  const allOn = payable.length > 0 && payable.every((b) => selected.has(b.billId))
  return (
    <View className='card fees-household' data-testid='household-bills'>
      <View className='fees-household__head'>
        <Text className='fees-household__label'>{household.label}</Text>
        {payable.length > 0 && (
          <Text className='fees-household__all' onClick={onToggleAll} data-testid='select-household'>
            {allOn ? '取消全选' : '全选本户'}
          </Text>
        )}
      </View>
      {household.items.length === 0 && <Text className='fees-item__head'>本户没有待缴账单</Text>}
      {household.items.map((g) => (
        <View key={g.itemId} className='fees-item'>
          <View className='fees-item__head'>
            <Text>{g.itemName}</Text>
            <Text>小计 {yuan(g.subtotalFen)}</Text>
          </View>
          {g.bills.map((b) => (
            <BillRow key={b.billId} bill={b} checked={selected.has(b.billId)} onToggle={() => onToggle(b.billId)} />
          ))}
        </View>
      ))}
      {household.billCount > 0 && (
        <View className='fees-household__foot'>
          <Text>
            共 {household.billCount} 笔，合计 {yuan(household.totalFen)}
          </Text>
        </View>
      )}
    </View>
  )
}
