import { isFnError } from './fn-error'
import { newRequestId } from './request-id'

/**
 * Codes after which we cannot know whether the server acted: the reply was lost, the channel failed, or
 * the first attempt is still running. Any other answer is the server's decision about that request.
 */
const LOST_REPLY = new Set(['NETWORK.FAILED', 'FN.UNAVAILABLE', 'REPLY.INVALID', 'INTERNAL', 'REQUEST.IN_PROGRESS'])

export const isLostReply = (e: unknown): boolean => isFnError(e) && LOST_REPLY.has(e.code)

/**
 * The one request-id policy for everything that changes data. After a lost reply, the *same* input
 * again reuses the request id, so the server answers with the first attempt's result instead of paying,
 * filing or binding twice. After a real answer (success or refusal) the next attempt is a new request:
 * the person changed something or means to do it again.
 */
export class RequestIdPolicy {
  private pending?: { key: string; requestId: string }

  /** The id to send for this input; call settle() with the outcome afterwards. */
  idFor(input: unknown): { key: string; requestId: string } {
    const key = JSON.stringify(input) ?? ''
    return { key, requestId: this.pending?.key === key ? this.pending.requestId : newRequestId() }
  }

  settle(attempt: { key: string; requestId: string }, error?: unknown): void {
    this.pending = error !== undefined && isLostReply(error) ? attempt : undefined
  }
}
