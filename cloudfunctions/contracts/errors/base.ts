/**
 * Stable error codes shared by every function and the mini-program.
 * The client branches on `code`; `message` is the Chinese text a resident may see.
 * Codes never change meaning once shipped; add new ones instead.
 */
export const ERROR_MESSAGES = {
  'VALIDATION.FAILED': '提交的信息不完整或格式不正确',
  'REQUEST.IN_PROGRESS': '上一次提交还在处理中，请稍候',
  'REQUEST.ID_REUSED': '请求编号已用于另一项操作',
  'AUTH.UNAUTHENTICATED': '请先登录微信',
  'AUTH.FORBIDDEN': '没有权限进行此操作',
  NOT_FOUND: '要找的内容不存在',
  CONFLICT: '数据已被他人修改，请刷新后重试',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  INTERNAL: '系统繁忙，请稍后再试',
} as const

export type BaseErrorCode = keyof typeof ERROR_MESSAGES
