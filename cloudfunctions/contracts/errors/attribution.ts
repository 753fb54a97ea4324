/** Stable codes of steward attribution, commission and metrics. Codes never change meaning once shipped. */
export const ATTRIBUTION_ERROR_MESSAGES = {
  'ATTRIBUTION.NOT_A_STEWARD': '仅网格管家可以查看业绩',
  'ATTRIBUTION.PERIOD_OPEN': '只能结算已经结束的月份',
  'ATTRIBUTION.ORDER_NOT_ATTRIBUTED': '该订单尚未归因（未支付或仍在处理中）',
} as const

export type AttributionErrorCode = keyof typeof ATTRIBUTION_ERROR_MESSAGES
