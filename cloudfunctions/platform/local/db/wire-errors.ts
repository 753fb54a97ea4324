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
  // CloudBase relays the Tencent Cloud API error inside the message: "[<ApiCode>] <text>"; code that logs
  // or matches these messages sees the same shape locally.
  transactionConflict: () =>
    new WireFailure(
      'DATABASE_TRANSACTION_CONFLICT',
      '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. Please check your request, but if the problem persists, contact us.',
    ),
  transactionNotFound: (_id: string) =>
    new WireFailure(
      'DATABASE_TRANSACTION_FAIL',
      '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds. Please check your request, but if the problem persists, contact us.',
    ),
  collectionNotExist: (name: string) => new WireFailure('DATABASE_COLLECTION_NOT_EXIST', `Db or Table not exist: ${name}`),
}

export function isDuplicateKeyError(res: unknown): boolean {
  return !!res && typeof res === 'object' && /E11000/.test(String((res as { message?: unknown }).message ?? ''))
}
