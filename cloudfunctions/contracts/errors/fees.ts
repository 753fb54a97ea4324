/**
 * Stable error codes of the fees area (物业缴费). The mini-program branches on these; codes never change
 * meaning once shipped.
 */
export const FEE_ERROR_MESSAGES = {
  'FEE.ALREADY_PAID': '所选账单已缴费，请勿重复支付',
  'FEE.PAYMENT_IN_PROGRESS': '所选账单有未完成的支付订单，请在“我的订单”中继续支付或取消后再试',
  'FEE.BILL_NOT_FOUND': '账单不存在',
  'FEE.ONE_HOUSEHOLD': '一次只能缴纳同一房屋的账单',
  'FEE.NOT_PAID': '账单尚未缴费，不能开具发票',
  'FEE.NOT_PAYER': '只有缴费人本人可以申请发票',
  'FEE.ALREADY_INVOICED': '所选账单已申请过发票',
  'FEE.INVOICE_NOT_FOUND': '发票申请不存在',
  'FEE.INVOICE_ISSUED': '该发票已开具',
  'FEE.BAD_ITEM': '收费项目设置不正确',
  'FEE.ITEM_NOT_FOUND': '收费项目不存在',
  'FEE.BAD_PERIOD': '账期不正确',
  'FEE.NO_GRID': '您还没有负责的网格',
  'FEE.REMIND_TOO_SOON': '该户近3天内已催缴过，请稍后再试',
} as const

export type FeeErrorCode = keyof typeof FEE_ERROR_MESSAGES
