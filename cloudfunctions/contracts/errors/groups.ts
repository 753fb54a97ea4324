/**
 * Stable codes of the groups area (社群). Several are answered with a more specific message built from
 * the case (which kind of group, which building); these are the defaults. Codes never change meaning.
 */
export const GROUP_ERROR_MESSAGES = {
  'GROUP.BUILDING_UNKNOWN': '楼栋不属于该小区',
  'GROUP.STEWARD_UNKNOWN': '指定的管家不在本小区',
  'GROUP.CODE_DATE_INVALID': '二维码的保存时间不能晚于现在',
  'GROUP.CODE_EXPIRED': '这张二维码保存已超过 7 天，已经失效，请在微信群里重新保存二维码后上传',
  'GROUP.KIND_NOT_ALLOWED': '您不能加入这类社群',
  'GROUP.CARD_UNVERIFIED': '无法识别所在的微信群，请在要绑定的微信群里打开管家分享的卡片后再试',
  'GROUP.OPENGID_TAKEN': '这个微信群已绑定到另一个社群记录，一个微信群只能对应一个社群',
  'GROUP.NOT_ASSIGNED': '请先在“加入社群”页面领取入群二维码',
  'GROUP.NOT_VERIFIED': '请先绑定房屋（住户）或使用管家给的商户邀请码登记，再申请入群',
  'GROUP.INVITE_INVALID': '邀请码无效或已过期，请向管家重新获取',
} as const

export type GroupErrorCode = keyof typeof GROUP_ERROR_MESSAGES
