import { GROUPBUY_ERROR_MESSAGES, type GroupbuyErrorCode } from '../../contracts/errors/groupbuy'
import { DomainError } from '../kernel/domain-error'

export function groupbuyError(code: GroupbuyErrorCode, message?: string, details?: Record<string, unknown>): DomainError {
  return new DomainError(code, message ?? GROUPBUY_ERROR_MESSAGES[code], details)
}
