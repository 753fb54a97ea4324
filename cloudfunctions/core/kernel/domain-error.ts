import { ALL_ERROR_MESSAGES, type ErrorCode } from '../../contracts/errors'

export type { ErrorCode }

/**
 * A business rule said no. Carries a stable code the client branches on (one of contracts/errors) and a
 * Chinese message a person can read. Thrown by core code before anything is written.
 */
export class DomainError extends Error {
  readonly code: ErrorCode
  readonly details?: Record<string, unknown>

  constructor(code: ErrorCode, message?: string, details?: Record<string, unknown>) {
    // A refusal is an answer, not a fault: the runtime turns it into a coded reply and nobody reads its
    // stack. Capturing one was the largest single cost of a flash-sale refusal (docs/benchmarks.md), so
    // this construction captures none.
    const limit = Error.stackTraceLimit
    Error.stackTraceLimit = 0
    try {
      super(message ?? ALL_ERROR_MESSAGES[code] ?? code)
    } finally {
      Error.stackTraceLimit = limit
    }
    this.code = code
    this.details = details
    this.name = 'DomainError'
  }
}

export const forbidden = (message?: string) => new DomainError('AUTH.FORBIDDEN', message)
export const notFound = (what?: string) => new DomainError('NOT_FOUND', what ? `${what}不存在` : undefined)
