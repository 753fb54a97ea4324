import { randomBytes } from 'node:crypto'
import { z } from 'zod'
import type { FnReply, FunctionContract, ValidationIssue } from '../contracts/envelope'
import { requestIdSchema } from '../contracts/envelope'
import { ERROR_MESSAGES } from '../contracts/errors/base'
import type { Platform } from '../core/kernel/platform'
import type { ActionContext, Caller, FunctionDefinition } from './define-function'
import { DomainError } from '../core/kernel/domain-error'
import { runIdempotent } from './idempotency'
import { accessResolver, inAudience } from './audience'

const eventShape = z.object({ action: z.string().min(1).max(64), requestId: requestIdSchema.optional() }).passthrough()

function validationReply(issues: ValidationIssue[]): FnReply<never> {
  return { ok: false, code: 'VALIDATION.FAILED', message: ERROR_MESSAGES['VALIDATION.FAILED'], issues }
}

export function zodIssues(error: z.ZodError, prefix: (string | number)[] = []): ValidationIssue[] {
  return error.issues.map((i) => ({ path: [...prefix, ...i.path].map(String).join('.') || '(root)', message: i.message }))
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype
}

/**
 * Unique per invocation: a random prefix per process (32 bits) and a 32-bit counter, 16 hex digits as
 * before (the id a person quotes from an INTERNAL reply). A fresh `randomBytes` per call was a measurable
 * part of a flash-sale refusal (docs/benchmarks.md); log correlation and door-open ids need uniqueness,
 * not unpredictability.
 */
const INVOCATION_PREFIX = randomBytes(4).toString('hex')
let invocations = 0
function nextInvocationId(): string {
  invocations = (invocations + 1) % 0x1_0000_0000
  return INVOCATION_PREFIX + invocations.toString(16).padStart(8, '0')
}

/**
 * The one path every invocation takes: platform identity → event shape → zod input → handler →
 * zod output. Every failure becomes a coded reply; nothing is thrown out of a function.
 */
export async function invoke(def: FunctionDefinition, rawEvent: unknown, caller: Caller, platform: Platform): Promise<FnReply> {
  const invocationId = nextInvocationId()
  const ctxBase = { caller, platform, invocationId, now: () => platform.clock.now(), access: accessResolver(platform, caller) }
  const event = typeof rawEvent === 'string' ? safeJson(rawEvent) : rawEvent
  if (!isPlainObject(event)) return validationReply([{ path: '(root)', message: '事件必须是 JSON 对象' }])

  if (event.Type === 'Timer' && typeof event.TriggerName === 'string' && (caller.kind === 'timer' || caller.kind === 'console')) {
    const job = def.timers[event.TriggerName]
    if (!job) return validationReply([{ path: 'TriggerName', message: `未知的定时触发器 ${event.TriggerName}` }])
    const timerCaller: Caller = { openid: null, kind: 'timer' }
    return guard(platform, invocationId, async () => ({ ok: true, data: await job({ ...ctxBase, caller: timerCaller, access: accessResolver(platform, timerCaller) }) }))
  }

  const envelope = eventShape.safeParse(event)
  if (!envelope.success) return validationReply(zodIssues(envelope.error))
  const { action, requestId, ...rest } = envelope.data
  const contract = Object.prototype.hasOwnProperty.call(def.contract.actions, action) ? def.contract.actions[action] : undefined
  if (!contract) return validationReply([{ path: 'action', message: `未知操作 ${action}` }])

  // A WeChat user always has an OPENID; only console (ops in the CloudBase console) may call without one,
  // and only the actions whose audience includes the console; an unproven caller only the self-verifying ones.
  const audience = def.contract.audience[action]
  const identified =
    caller.kind === 'user' ? !!caller.openid : caller.kind === 'callback' ? def.selfVerifyingActions.includes(action) : audience.includes('console')
  if (!identified) {
    return { ok: false, code: 'AUTH.UNAUTHENTICATED', message: ERROR_MESSAGES['AUTH.UNAUTHENTICATED'] }
  }
  // The audience gate: the caller's access is resolved once, here, and reused by the domain's finer checks.
  if (caller.kind === 'user') {
    const allowed = await guard(platform, invocationId, async () => ({ ok: true, data: await inAudience(ctxBase.access, audience) }))
    if (!allowed.ok) return allowed
    if (!allowed.data) return { ok: false, code: 'AUTH.FORBIDDEN', message: ERROR_MESSAGES['AUTH.FORBIDDEN'] }
  }
  if (contract.mutating && caller.kind === 'user' && !requestId) {
    return validationReply([{ path: 'requestId', message: '修改类操作必须带 requestId' }])
  }

  const parsed = contract.input.safeParse(rest)
  if (!parsed.success) return validationReply(zodIssues(parsed.error))

  const ctx: ActionContext = { ...ctxBase, requestId }
  const handler = (def.handlers as Record<string, (i: unknown, c: ActionContext) => Promise<unknown>>)[action]
  const runHandler = async (): Promise<FnReply> => {
    const output = await handler(parsed.data, ctx)
    const checked = contract.output.safeParse(output)
    if (!checked.success) {
      platform.logger.error('output.contract_violation', { fn: def.contract.name, action, issues: JSON.stringify(zodIssues(checked.error)) })
      throw new Error(`output of ${def.contract.name}.${action} breaks its contract`)
    }
    return { ok: true, data: checked.data }
  }
  const run = () => guard(platform, invocationId, runHandler, { contract: def.contract, action })

  if (contract.mutating && requestId) {
    const precheck = (def.prechecks as Record<string, ((i: unknown, c: ActionContext) => Promise<void>) | undefined>)[action]
    const refusal = precheck ? () => runPrecheck(platform, invocationId, () => precheck(parsed.data, ctx), { contract: def.contract, action }) : undefined
    return runIdempotent(platform, { fn: def.contract.name, action, caller: caller.openid ?? caller.kind, requestId, input: rest }, run, refusal)
  }
  return run()
}

/**
 * Runs a body and turns every failure into a coded reply. For an action, a DomainError whose code that
 * action does not list is a bug (the client has no branch for it): logged and answered INTERNAL.
 */
async function guard(platform: Platform, invocationId: string, body: () => Promise<FnReply>, listing?: { contract: FunctionContract; action: string }): Promise<FnReply> {
  try {
    return await body()
  } catch (e) {
    if (e instanceof DomainError && (!listing || isListed(listing.contract, listing.action, e.code))) return { ok: false, code: e.code, message: e.message }
    if (e instanceof DomainError) {
      platform.logger.error('error_code.unlisted', { invocationId, fn: listing!.contract.name, action: listing!.action, code: e.code })
      return { ok: false, code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL, requestId: invocationId }
    }
    if (e instanceof z.ZodError) return validationReply(zodIssues(e))
    const err = e as { name?: string; message?: string; code?: string }
    platform.logger.error('unexpected', { invocationId, errorName: err?.name, errorCode: err?.code, errorMessage: err?.message })
    return { ok: false, code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL, requestId: invocationId }
  }
}

/** A precheck's refusal as a reply (null: go on). Anything but a listed DomainError is left to the handler to meet again. */
async function runPrecheck(platform: Platform, invocationId: string, body: () => Promise<void>, at: { contract: FunctionContract; action: string }): Promise<FnReply | null> {
  try {
    await body()
    return null
  } catch (e) {
    if (e instanceof DomainError && isListed(at.contract, at.action, e.code)) return { ok: false, code: e.code, message: e.message }
    platform.logger.warn('precheck.skipped', { invocationId, fn: at.contract.name, action: at.action, errorMessage: (e as Error)?.message })
    return null
  }
}

function isListed(contract: FunctionContract, action: string, code: string): boolean {
  return Object.prototype.hasOwnProperty.call(ERROR_MESSAGES, code) || (contract.errors[action] ?? []).some((c) => c === code)
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
