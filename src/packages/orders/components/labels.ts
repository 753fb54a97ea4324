export { yuan, shortTime } from '@/services/format'
import { ORDER_STATUS_LABELS, type OrderStatus, type OrderType } from '@contracts/orders.contract'

export const statusLabel = (s: OrderStatus) => ORDER_STATUS_LABELS[s]

export const TYPE_LABELS: Record<OrderType, string> = { fee: '物业缴费', groupbuy: '社区团购', service: '到家服务' }

/** Filter tabs of 我的订单: the statuses a resident thinks in. */
export const FILTERS: { key: OrderStatus | 'all'; title: string }[] = [
  { key: 'all', title: '全部' },
  { key: 'created', title: '待支付' },
  { key: 'paid', title: '已支付' },
  { key: 'refunding', title: '退款中' },
  { key: 'refunded', title: '已退款' },
  { key: 'cancelled', title: '已取消' },
]

const ACTORS: Record<string, string> = { resident: '您', wechatpay: '微信支付', ops: '物业', timer: '系统', system: '系统' }
export const actorLabel = (by: string) => ACTORS[by] ?? by

export const detailUrl = (orderId: string) => `/packages/orders/pages/detail/index?orderId=${orderId}`
