import { ACCESS_ERRORS, type AccessErrorCode } from '../../contracts/errors/access'
import { DomainError } from '../kernel/domain-error'


export function accessError(code: AccessErrorCode, details?: Record<string, unknown>): DomainError {
  return new DomainError(code, ACCESS_ERRORS[code], details)
}
