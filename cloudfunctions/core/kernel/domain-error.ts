import { ALL_ERROR_MESSAGES, type ErrorCode } from '../../contracts/errors'

export type { ErrorCode }

/**
 * A business rule said no. Carries a stable code the client branches on (one of contracts/errors) and a
 * Chinese message a person can read. Thrown by core code before anything is written.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message ?? ALL_ERROR_MESSAGES[code] ?? code)
    this.name = 'DomainError'
  }
}

export const forbidden = (message?: string) => new DomainError('AUTH.FORBIDDEN', message)
export const notFound = (what?: string) => new DomainError('NOT_FOUND', what ? `${what}不存在` : undefined)
