import type { OrderType, RefundView } from '@contracts/orders.contract'

export { yuan, dateTime, shortTime } from '@/services/format'

export const TYPE_LABELS: Record<OrderType, string> = { fee: '物业缴费', groupbuy: '社区团购', service: '到家服务' }

export const REFUND_STATUS_LABELS: Record<RefundView['status'], string> = { pending: '退款中', succeeded: '已退款', failed: '退款失败' }

const ACTORS: Record<string, string> = { resident: '您', wechatpay: '微信支付', ops: '物业', timer: '系统', system: '系统', closing: '系统' }
export const actorLabel = (by: string) => ACTORS[by] ?? '系统'

/** The generic order detail; every order type opens it. */
export const orderDetailUrl = (orderId: string) => `/packages/orders/pages/detail/index?orderId=${orderId}`

/** "2026120 3482915" reads as one long number; group it so it can be read out on the phone. */
export const spacedOrderNo = (no: string) => no.replace(/^(\d{8})(\d{6})$/, '$1 $2')

/** "8765 4321" */
export const spacedPickupCode = (code: string) => code.replace(/^(\d{4})(\d{4})$/, '$1 $2')
