import { ERROR_MESSAGES, type BaseErrorCode } from './base'
import { ACCESS_ERRORS, type AccessErrorCode } from './access'
import { ATTRIBUTION_ERROR_MESSAGES, type AttributionErrorCode } from './attribution'
import { FEE_ERROR_MESSAGES, type FeeErrorCode } from './fees'
import { FILE_ERROR_MESSAGES, type FileErrorCode } from './files'
import { GROUPBUY_ERROR_MESSAGES, type GroupbuyErrorCode } from './groupbuy'
import { GROUP_ERROR_MESSAGES, type GroupErrorCode } from './groups'
import { HOUSEHOLD_ERROR_MESSAGES, type HouseholdErrorCode } from './households'
import { ORDER_ERROR_MESSAGES, type OrderErrorCode } from './orders'
import { PROFILE_ERROR_MESSAGES, type ProfileErrorCode } from './profiles'
import { REPAIR_ERROR_MESSAGES, type RepairErrorCode } from './repairs'

/**
 * Every code a function may answer: the base codes plus one file per area. The client branches on
 * codes; DomainError only accepts these, so a typo is a compile error, not a code nobody handles.
 */
export type ErrorCode =
  | BaseErrorCode
  | AccessErrorCode
  | AttributionErrorCode
  | FeeErrorCode
  | FileErrorCode
  | GroupbuyErrorCode
  | GroupErrorCode
  | HouseholdErrorCode
  | OrderErrorCode
  | ProfileErrorCode
  | RepairErrorCode

export const ALL_ERROR_MESSAGES: Readonly<Record<ErrorCode, string>> = {
  ...ERROR_MESSAGES,
  ...ACCESS_ERRORS,
  ...ATTRIBUTION_ERROR_MESSAGES,
  ...FEE_ERROR_MESSAGES,
  ...FILE_ERROR_MESSAGES,
  ...GROUPBUY_ERROR_MESSAGES,
  ...GROUP_ERROR_MESSAGES,
  ...HOUSEHOLD_ERROR_MESSAGES,
  ...ORDER_ERROR_MESSAGES,
  ...PROFILE_ERROR_MESSAGES,
  ...REPAIR_ERROR_MESSAGES,
}

export function isErrorCode(code: string): code is ErrorCode {
  return Object.prototype.hasOwnProperty.call(ALL_ERROR_MESSAGES, code)
}

/** The codes of one area's message map, typed as ErrorCode (contracts list what their actions may answer). */
export function codesOf<M extends Readonly<Record<string, string>>>(messages: M): (keyof M & ErrorCode)[] {
  return Object.keys(messages) as (keyof M & ErrorCode)[]
}

export { ERROR_MESSAGES, type BaseErrorCode }
