/** Stable codes of merchants, 扣点, statements, profit sharing and merchant invoices. Never change a code's meaning. */
export const MERCHANT_ERROR_MESSAGES = {
  'MERCHANT.NOT_FOUND': '商户不存在',
  'MERCHANT.SUSPENDED': '该商户已停用，不能作为卖方',
  'MERCHANT.NOT_IN_COMMUNITY': '该商户未入驻此小区',
  'MERCHANT.NOT_MERCHANT_STAFF': '您还不是商户员工，请联系物业开通',
  'MERCHANT.RATE_REASON_REQUIRED': '扣点与商户默认不同时，请填写调整原因',
  'MERCHANT.LISTING_NOT_FOUND': '找不到该团购活动或服务项目',
  'MERCHANT.ORDER_NOT_FOUND': '找不到该订单',
  'MERCHANT.NOT_DELIVERABLE': '该订单当前不能标记送达（未支付或已退款）',
  'MERCHANT.PERIOD_OPEN': '只能结算已经结束的月份',
  'MERCHANT.INVOICE_NOT_ALLOWED': '该订单不能申请发票（未支付、已全额退款或是物业费订单）',
  'MERCHANT.INVOICE_EXISTS': '该订单已申请过发票',
  'MERCHANT.INVOICE_NOT_FOUND': '找不到该发票申请',
  'MERCHANT.INVOICE_ALREADY_ISSUED': '该发票已开具',
} as const

export type MerchantErrorCode = keyof typeof MERCHANT_ERROR_MESSAGES
