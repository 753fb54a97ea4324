import type { ZodError } from 'zod'
import type { ActionInput, ActionOutput, FunctionContract, ValidationIssue } from '@contracts/envelope'
import { FnError } from './fn-error'
import { messageFor } from './error-messages'
import { newRequestId } from './request-id'
import type { Transport } from './transport'

export interface CallOptions {
  /** Reuse the id of a failed attempt to retry the same mutating operation. */
  requestId?: string
}

export type CallFn = <C extends FunctionContract, K extends keyof C['actions'] & string>(
  contract: C,
  action: K,
  input: ActionInput<C, K>,
  options?: CallOptions,
) => Promise<ActionOutput<C, K>>

function issuesOf(error: ZodError): ValidationIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message }))
}

function isReply(v: unknown): v is { ok: boolean; data?: unknown; code?: unknown; message?: unknown; issues?: unknown } {
  return !!v && typeof v === 'object' && typeof (v as { ok?: unknown }).ok === 'boolean'
}

/**
 * The typed client, independent of the platform: validate the input with the shared contract before
 * anything leaves the phone, send `{action, ...input, requestId?}`, turn a failed reply into FnError and
 * check a successful one against the output schema (a function deployed from another version of the
 * contracts is caught here instead of crashing a page later).
 */
export function createFnClient(transport: Transport): CallFn {
  return async (contract, action, input, options = {}) => {
    const spec = contract.actions[action]
    if (!spec) throw new FnError('VALIDATION.FAILED', `未知操作 ${contract.name}.${action}`)
    const requestId = spec.mutating ? options.requestId ?? newRequestId() : undefined

    const checked = spec.input.safeParse(input)
    if (!checked.success) {
      const issues = issuesOf(checked.error)
      throw new FnError('VALIDATION.FAILED', issues[0]?.message ?? messageFor('VALIDATION.FAILED'), { issues, requestId })
    }
    const event: Record<string, unknown> = { ...(input as Record<string, unknown>), action }
    if (requestId) event.requestId = requestId

    let reply: unknown
    try {
      reply = await transport(contract.name, event)
    } catch (e) {
      // A lost reply keeps the request id, so the caller can retry exactly this operation.
      if (e instanceof FnError) throw new FnError(e.code, e.message, { issues: e.issues, requestId })
      throw new FnError('NETWORK.FAILED', messageFor('NETWORK.FAILED'), { requestId })
    }
    if (!isReply(reply)) throw new FnError('REPLY.INVALID', messageFor('REPLY.INVALID'), { requestId })
    if (!reply.ok) {
      const code = typeof reply.code === 'string' ? reply.code : 'INTERNAL'
      const issues = Array.isArray(reply.issues) ? (reply.issues as ValidationIssue[]) : []
      throw new FnError(code, messageFor(code, typeof reply.message === 'string' ? reply.message : undefined), { issues, requestId })
    }
    const output = spec.output.safeParse(reply.data)
    if (!output.success) throw new FnError('REPLY.INVALID', messageFor('REPLY.INVALID'), { issues: issuesOf(output.error), requestId })
    return output.data as never
  }
}
