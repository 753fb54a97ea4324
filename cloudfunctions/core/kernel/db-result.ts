import { DomainError } from './domain-error'

/**
 * @cloudbase/database answers failures as values ({ code, message }) rather than throwing.
 * Core code passes every result through `must` so a failed write can never be mistaken for success.
 */
export class DatabaseError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
    this.name = 'DatabaseError'
  }
}

export function must<T>(res: T): Exclude<T, { code: string }> {
  const r = res as unknown as { code?: unknown; message?: unknown }
  if (r && typeof r === 'object' && typeof r.code === 'string' && r.code) {
    throw new DatabaseError(r.code, String(r.message ?? r.code))
  }
  return res as Exclude<T, { code: string }>
}

export function isDuplicateKey(e: unknown): boolean {
  return e instanceof DatabaseError && /E11000/.test(e.message)
}

export function isTransactionConflict(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code
  return code === 'DATABASE_TRANSACTION_CONFLICT'
}

/** runTransaction rethrows whatever the callback threw; domain errors must come out unchanged. */
export function rethrowDomain(e: unknown): never {
  if (e instanceof DomainError) throw e
  const r = e as { code?: unknown; message?: unknown }
  if (r && typeof r === 'object' && typeof r.code === 'string' && !(e instanceof Error)) throw new DatabaseError(r.code, String(r.message))
  throw e
}
