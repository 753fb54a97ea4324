/**
 * Stable codes of the profiles area (住户画像: scenario tags, interest scores, segments, targeted pushes).
 * Codes never change meaning; messages are what a steward or ops person reads.
 */
export const PROFILE_ERROR_MESSAGES = {
  'PROFILE.INTERACTION_INVALID': '互动记录不完整或不合法',
  'PROFILE.TAG_UNKNOWN': '标签不存在',
  'PROFILE.TAG_NOT_MANUAL': '这是系统按行为计算的标签，不能手动添加或移除',
  'PROFILE.HOUSEHOLD_NOT_FOUND': '房屋不存在',
  'PROFILE.SEGMENT_NOT_FOUND': '人群不存在',
  'PROFILE.SEGMENT_EMPTY': '这个人群当前没有住户，换个条件再试',
  'PROFILE.PUSH_NOT_FOUND': '消息不存在或已过期',
  'PROFILE.ITEM_NOT_FOUND': '商品不存在',
} as const

export type ProfileErrorCode = keyof typeof PROFILE_ERROR_MESSAGES
