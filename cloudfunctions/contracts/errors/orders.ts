/**
 * Stable error codes of orders, payments and refunds. Fees, group buys and paid services all surface these,
 * so the mini-program can branch on them in one place. Codes never change meaning once shipped.
 */
export const ORDER_ERROR_MESSAGES = {
  'ORDER.NOT_FOUND': '订单不存在',
  'ORDER.ILLEGAL_TRANSITION': '订单当前状态不允许此操作',
  'ORDER.ALREADY_PAID': '订单已支付，请勿重复支付',
  'ORDER.EXPIRED': '订单已超时关闭，请重新下单',
  'ORDER.INVALID_LINES': '订单金额与明细不一致',
  'ORDER.PAYER_ONLY': '只有下单人本人可以进行此操作',
  'ORDER.REFUND_EXCEEDS_PAID': '退款金额超过可退金额',
  'ORDER.REFUND_NOT_ALLOWED': '该订单不支持自助退款，请联系物业',
  'ORDER.SERVICE_NOT_FOUND': '服务项目不存在或已下架',
} as const

export type OrderErrorCode = keyof typeof ORDER_ERROR_MESSAGES
