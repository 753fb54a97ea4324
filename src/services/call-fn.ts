import { z } from 'zod'
import { createFnClient, type CallFn } from './fn-client'
import type { Transport } from './transport'

export { FnError, isActionError, isFnError } from './fn-error'
export type { CallOptions } from './fn-client'

// WeChat forbids `new Function`; zod would probe for it on first use. Tell it up front not to.
z.config({ jitless: true })

// The dead branch (and with it the H5 transport and the dev personas) is dropped from the weapp bundle:
// TARO_ENV is a build-time constant and webpack removes `require`s in constant-false branches.
const transport: Transport =
  process.env.TARO_ENV === 'h5'
    ? (require('./transports/h5') as typeof import('./transports/h5')).h5Transport
    : (require('./transports/weapp') as typeof import('./transports/weapp')).weappTransport

/**
 * The one way pages talk to the backend: `await callFn(householdsContract, 'me', {})`.
 * Throws FnError (code + Chinese message). Mutating actions get a requestId; pass `{ requestId }` to retry.
 */
export const callFn: CallFn = createFnClient(transport)
