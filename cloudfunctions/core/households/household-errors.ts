import { HOUSEHOLD_ERROR_MESSAGES, type HouseholdErrorCode } from '../../contracts/errors/households'
import { DomainError } from '../kernel/domain-error'

export function householdError(code: HouseholdErrorCode, message?: string, details?: Record<string, unknown>): DomainError {
  return new DomainError(code, message ?? HOUSEHOLD_ERROR_MESSAGES[code], details)
}
