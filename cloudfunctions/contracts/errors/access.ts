/** Stable codes of the access area (门禁); the client branches on these. Codes never change meaning once shipped. */
export const ACCESS_ERRORS = {
  'ACCESS.NO_HOUSEHOLD': '请先绑定房屋后再使用门禁',
  'ACCESS.DOOR_OUT_OF_SCOPE': '您没有这扇门的通行权限',
  'ACCESS.DOOR_UNAVAILABLE': '门禁设备暂时无法连接，请稍后再试',
  'ACCESS.NOT_CONFIGURED': '本小区门禁尚未开通，请联系物业',
  'ACCESS.WINDOW_INVALID': '访客通行时间不正确',
  'ACCESS.PASS_REVOKED': '该访客通行证已被撤销',
  'ACCESS.PASS_EXPIRED': '该访客通行证已过期',
  'ACCESS.PASS_NOT_STARTED': '访客通行证尚未到生效时间',
  'ACCESS.PASS_USED_UP': '该访客通行证的次数已用完',
} as const

export type AccessErrorCode = keyof typeof ACCESS_ERRORS
