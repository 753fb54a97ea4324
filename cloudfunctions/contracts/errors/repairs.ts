export const REPAIR_ERROR_MESSAGES = {
  'REPAIR.ILLEGAL_TRANSITION': '工单当前状态不能进行此操作，请刷新后查看',
  'REPAIR.ALREADY_RATED': '这张工单已经评价过了',
  'REPAIR.REOPEN_EXPIRED': '完成超过 7 天的工单不能重新打开，请重新报修',
  'REPAIR.TECHNICIAN_UNAVAILABLE': '该师傅当前不可接单，请选择其他师傅',
  'REPAIR.BAD_TIME_WINDOW': '时间段不正确：结束须晚于开始，且在未来 30 天内',
} as const

export type RepairErrorCode = keyof typeof REPAIR_ERROR_MESSAGES
