import { View, Text } from '@tarojs/components'
import type { DisplayStatus } from '@contracts/orders.contract'
import './order.scss'

/**
 * The status of an order as the one status model words it (contracts/order-status.schemas.ts): every page
 * that shows an order shows this badge, so the same order reads the same everywhere.
 * `large` is the detail pages' headline, with the hint under it.
 */
export function OrderStatusBadge({ display, large }: { display: DisplayStatus; large?: boolean }) {
  if (!large) {
    return (
      <Text className={`order-badge order-badge--${display.tone}`} data-testid='order-status' data-status={display.key}>
        {display.label}
      </Text>
    )
  }
  return (
    <View className='order-status-head'>
      <Text className={`order-status-head__label order-tone--${display.tone}`} data-testid='order-status' data-status={display.key}>
        {display.label}
      </Text>
      {display.hint && <Text className='order-status-head__hint' data-testid='order-status-hint'>{display.hint}</Text>}
    </View>
  )
}
