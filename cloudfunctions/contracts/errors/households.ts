/**
 * Stable error codes of households, binding, invites, grids and staff. The mini-program branches on the
 * code; the message is what a resident or ops person reads. Codes never change meaning once shipped.
 */
export const HOUSEHOLD_ERROR_MESSAGES = {
  'COMMUNITY.NOT_FOUND': '小区不存在，请先创建小区',
  'HOUSEHOLD.NOT_FOUND': '房屋不存在',
  'BIND.PROOF_MISMATCH': '业主姓名或手机号与物业登记信息不一致',
  'BIND.ALREADY_MEMBER': '您已绑定该房屋',
  'BIND.OWNER_EXISTS': '该房屋已有业主完成认证，请联系业主邀请您加入',
  'INVITE.NOT_FOUND': '邀请码无效',
  'INVITE.EXPIRED': '邀请已过期，请让业主重新邀请',
  'INVITE.USED': '该邀请已被使用',
  'INVITE.ALREADY_MEMBER': '您已是该房屋的成员',
  'MEMBER.NOT_FOUND': '成员不存在',
  'MEMBER.NOT_PENDING': '该成员不在待审核状态',
  'MEMBER.CANNOT_REMOVE_OWNER': '业主不能在这里移除自己，如需解绑请联系物业',
  'GRID.BUILDING_TAKEN': '楼栋已属于其他网格管家',
  'GRID.UNKNOWN_BUILDING': '小区中没有这些楼栋',
  'GRID.NOT_A_STEWARD': '该用户不是本小区在职的网格管家',
  'STAFF.NOT_FOUND': '没有这名在职员工',
  'OPS.BOOTSTRAP_REFUSED': '不能自举为运营人员：不在启动名单中，或该小区已有运营人员',
} as const

export type HouseholdErrorCode = keyof typeof HOUSEHOLD_ERROR_MESSAGES
