/**
 * Stable error codes of group buys. The mini-program branches on the code; the message is what a resident
 * or steward reads. Codes never change meaning once shipped. Order and payment codes (ORDER.*) come from
 * orders-errors.ts, since checkout goes through the orders core.
 */
export const GROUPBUY_ERROR_MESSAGES = {
  'GROUPBUY.CAMPAIGN_NOT_FOUND': '团购活动不存在或已下架',
  'GROUPBUY.NOT_OPEN': '团购活动还未开始或已结束',
  'GROUPBUY.DEADLINE_PASSED': '团购已截止，不能再下单了',
  'GROUPBUY.WRONG_COMMUNITY': '该团购仅限本小区住户参加',
  'GROUPBUY.SKU_NOT_FOUND': '商品不存在或已下架',
  'GROUPBUY.SOLD_OUT': '库存不足，商品已售罄',
  'GROUPBUY.LIMIT_EXCEEDED': '超过每户限购数量',
  'GROUPBUY.INVALID_SCHEDULE': '时间设置不合理：截止时间须晚于现在，自提时间须在截止之后',
  'GROUPBUY.NOT_DRAFT': '活动已发布，不能再修改',
  'GROUPBUY.PICKUP_CODE_INVALID': '提货码无效，请核对后重试',
  'GROUPBUY.PICKUP_WRONG_COMMUNITY': '该提货码不属于本小区的团购，不能在这里核销',
  'GROUPBUY.PICKUP_ALREADY_REDEEMED': '该提货码已核销，不能重复提货',
  'GROUPBUY.PICKUP_NOT_READY': '该订单还不能提货（未成团或已退款）',
  'GROUPBUY.PICKUP_CHANGED': '提货信息已变化，请重新查询后再核销',
  'GROUPBUY.PICKUP_TOO_MANY': '核销数量超过待提数量',
  'GROUPBUY.UNDO_EXPIRED': '已超过可撤销时间，不能撤销',
  'GROUPBUY.UNDO_NOT_ALLOWED': '只能撤销本人最近一次核销',
  'GROUPBUY.NOT_CHANGEABLE': '活动已截止或已结束，不能再修改',
  'GROUPBUY.POLL_NOT_FOUND': '征集不存在或已结束',
  'GROUPBUY.POLL_CLOSED': '征集已结束，不能再登记',
  'GROUPBUY.ORDER_NOT_FOUND': '订单不存在',
} as const

export type GroupbuyErrorCode = keyof typeof GROUPBUY_ERROR_MESSAGES
