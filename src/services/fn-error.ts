import type { ActionErrorCode, FunctionContract, ValidationIssue } from '@contracts/envelope'

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

/**
 * A refusal of one action with one code. The code must be one that action lists (or a base code), so a
 * branch on a code the action can never answer does not compile: `isActionError(e, groupsContract, 'join', 'GROUP.NOT_VERIFIED')`.
 */
export function isActionError<C extends FunctionContract, K extends keyof C['actions'] & string>(e: unknown, _contract: C, _action: K, code: ActionErrorCode<C, K>): e is FnError {
  return isFnError(e) && e.code === code
}
