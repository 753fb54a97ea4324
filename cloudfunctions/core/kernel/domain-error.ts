import { ERROR_MESSAGES, type BaseErrorCode } from '../../contracts/errors'

/**
 * A business rule said no. Carries a stable code the client branches on and a Chinese message a
 * person can read. Thrown by core code before anything is written.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message ?? ERROR_MESSAGES[code as BaseErrorCode] ?? code)
    this.name = 'DomainError'
  }
}

export const forbidden = (message?: string) => new DomainError('AUTH.FORBIDDEN', message)
export const notFound = (what?: string) => new DomainError('NOT_FOUND', what ? `${what}不存在` : undefined)
