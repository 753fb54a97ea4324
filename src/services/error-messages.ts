// Only the base codes' texts ship in the mini-program: every domain code arrives with its own Chinese message
// from the function (runtime/invoke answers a listed code with its message), so a copy of every area's
// messages here would only weigh on the main package (docs/miniprogram.md, package size).
import { ERROR_MESSAGES } from '@contracts/errors/base'

/** Codes the client itself produces, beside the functions' base codes. */
export const CLIENT_ERROR_MESSAGES = {
  'NETWORK.FAILED': '网络不太稳定，请检查网络后重试',
  'REPLY.INVALID': '服务返回的数据有误，请稍后再试',
  'FN.UNAVAILABLE': '服务暂时不可用，请稍后再试',
} as const

const ALL: Record<string, string> = { ...ERROR_MESSAGES, ...CLIENT_ERROR_MESSAGES }
const HAS_CHINESE = /[\u4e00-\u9fff]/

/**
 * The text a resident sees for an error. A function's own Chinese message is the most specific (it can
 * name the bill or the room), so it wins; an English or empty one is replaced by the text for its code.
 */
export function messageFor(code: string, serverMessage?: string): string {
  if (serverMessage && HAS_CHINESE.test(serverMessage)) return serverMessage
  return ALL[code] ?? ALL[code.split('.')[0]] ?? ERROR_MESSAGES.INTERNAL
}
