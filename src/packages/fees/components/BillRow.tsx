import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { BillView } from '@contracts/fees.contract'
import { orderUrl, periodLabel, yuan } from './labels'

export interface BillRowProps {
  bill: BillView
  checked: boolean
  onToggle: () => void
}

/** One bill: period, how it was computed, late fee if any; bills held by an unpaid order link to it instead. */
export function BillRow({ bill, checked, onToggle }: BillRowProps) {
  const paying = !!bill.payingOrderId
  const toggle = () => (paying ? void Taro.navigateTo({ url: orderUrl(bill.payingOrderId!) }) : onToggle())
  return (
    <View className='fees-bill' data-testid='bill-row' data-bill-id={bill.billId} onClick={toggle}>
      <View className={`fees-bill__check ${checked ? 'fees-bill__check--on' : ''} ${paying ? 'fees-bill__check--off' : ''}`} />
      <View className='fees-bill__body'>
        <Text className='fees-bill__title'>
          {bill.itemName} · {periodLabel(bill.period)}
        </Text>
        <Text className='fees-bill__meta'>
          {bill.detail} · {bill.overdueDays > 0 ? `已逾期${bill.overdueDays}天` : `${bill.dueDate} 前缴纳`}
        </Text>
        {bill.lateFeeFen > 0 && <Text className='fees-bill__late'>含滞纳金 {yuan(bill.lateFeeFen)}</Text>}
        {paying && <Text className='fees-bill__paying'>有待支付订单，点此继续支付或取消 ›</Text>}
      </View>
      <Text className='fees-bill__amount'>{yuan(bill.amountFen)}</Text>
    </View>
  )
}
