import type { ValidationIssue } from '@contracts/envelope'

/** Every failed call surfaces as one of these: branch on `code`, show `message` (Chinese). */
export class FnError extends Error {
  readonly code: string
  readonly issues: ValidationIssue[]
  /** The request id of a mutating call, so the caller can retry exactly the same operation. */
  readonly requestId?: string

  constructor(code: string, message: string, options: { issues?: ValidationIssue[]; requestId?: string } = {}) {
    super(message)
    this.name = 'FnError'
    this.code = code
    this.issues = options.issues ?? []
    this.requestId = options.requestId
  }
}

export function isFnError(e: unknown): e is FnError {
  return e instanceof FnError || (!!e && typeof e === 'object' && (e as { name?: string }).name === 'FnError')
}
