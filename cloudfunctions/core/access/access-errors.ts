import { ACCESS_ERRORS } from '../../contracts/access.contract'
import { DomainError } from '../kernel/domain-error'

export type AccessErrorCode = keyof typeof ACCESS_ERRORS

export function accessError(code: AccessErrorCode, details?: Record<string, unknown>): DomainError {
  return new DomainError(code, ACCESS_ERRORS[code], details)
}
