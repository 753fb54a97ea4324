/** Stable codes of the events area (线下活动 and 活动费用/ROI); the client branches on these. */
export const EVENT_ERROR_MESSAGES = {
  'EVENT.NOT_FOUND': '活动不存在',
  'EVENT.WINDOW_INVALID': '活动时间不正确：结束须晚于开始，且最长 3 天',
  'EVENT.SCOPE_INVALID': '可报名楼栋不属于本小区',
  'EVENT.CANCELLED': '活动已取消',
  'EVENT.SIGNUP_CLOSED': '报名已截止',
  'EVENT.FULL': '名额已满',
  'EVENT.NOT_ELIGIBLE': '您所在的楼栋不在本次活动范围内',
  'EVENT.NOT_SIGNED_UP': '您还没有报名这个活动',
  'EVENT.ALREADY_CHECKED_IN': '已签到，无需重复签到',
  'EVENT.NOT_CHECKED_IN': '请先签到再签退',
  'EVENT.ALREADY_CHECKED_OUT': '已签退',
  'EVENT.NOT_OPEN_NOW': '现在不在活动签到时间内',
  'EVENT.CODE_INVALID': '活动码不正确，请核对现场屏幕上的数字',
  'EVENT.CODE_EXPIRED': '活动码已过期，请扫描现场屏幕上的最新活动码',
  'EVENT.CODE_REPLAYED': '这个活动码已经用过了，请扫描现场屏幕上的最新活动码',
  'EVENT.CODE_WRONG_MODE': '这是签到码/签退码用错了，请核对现场屏幕',
  'EVENT.NOT_CONFIGURED': '本小区活动码密钥尚未配置，请联系物业',
  'EVENT.LIMIT_BELOW_SIGNED': '名额不能少于已报名户数',
  'EVENT.ACTIVITY_NOT_FOUND': '费用对应的活动或团购不存在',
  'EVENT.COST_NOT_FOUND': '费用记录不存在',
  'EVENT.COST_NOT_PENDING': '这笔费用已审核过了',
  'EVENT.SELF_APPROVAL': '不能审核自己提交的费用，请由另一位运营审核',
  'EVENT.ALLOCATION_INVALID': '分摊对象或规则不正确',
  'EVENT.ALLOCATION_NO_GMV': '分摊对象都没有 GMV，无法按 GMV 分摊，请改为平均分摊',
} as const

export type EventErrorCode = keyof typeof EVENT_ERROR_MESSAGES
