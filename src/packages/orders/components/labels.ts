import type { OrderStatus } from '@contracts/orders.contract'

export { yuan } from '@/services/format'
export { orderDetailUrl as detailUrl } from '@/components/order/order-format'

/** Filter tabs of 我的订单 (the order core's statuses; each card shows the one status model's words). */
export const FILTERS: { key: OrderStatus | 'all'; title: string }[] = [
  { key: 'all', title: '全部' },
  { key: 'created', title: '待支付' },
  { key: 'paid', title: '进行中' },
  { key: 'refunding', title: '退款中' },
  { key: 'refunded', title: '已退款' },
  { key: 'cancelled', title: '已取消' },
]
