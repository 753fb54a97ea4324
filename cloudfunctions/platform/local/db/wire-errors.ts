/**
 * Errors in the shape CloudBase's database API answers with ({ code, message, requestId }),
 * so domain code handles a failure the same way against the cloud and the local engine.
 * Duplicate keys carry MongoDB's "E11000" text, which is what CloudBase passes through.
 */
export interface WireError {
  code: string
  message: string
  requestId: string
}

export class WireFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

export const wireErrors = {
  invalidParam: (message: string) => new WireFailure('INVALID_PARAM', message),
  requestFailed: (message: string) => new WireFailure('DATABASE_REQUEST_FAILED', message),
  duplicateKey: (collection: string, index: string, key: string) =>
    new WireFailure('DATABASE_REQUEST_FAILED', `E11000 duplicate key error collection: ${collection} index: ${index} dup key: ${key}`),
  transactionConflict: () => new WireFailure('DATABASE_TRANSACTION_CONFLICT', 'database transaction conflict'),
  transactionNotFound: (id: string) => new WireFailure('DATABASE_TRANSACTION_FAIL', `transaction ${id} not found or already finished`),
  collectionNotExist: (name: string) => new WireFailure('DATABASE_COLLECTION_NOT_EXIST', `Db or Table not exist: ${name}`),
}

export function isDuplicateKeyError(res: unknown): boolean {
  return !!res && typeof res === 'object' && /E11000/.test(String((res as { message?: unknown }).message ?? ''))
}
