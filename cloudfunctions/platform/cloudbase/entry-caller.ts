import type { FnReply } from '../../contracts/envelope'
import { ERROR_MESSAGES } from '../../contracts/errors'
import type { Caller, FunctionDefinition } from '../../runtime/define-function'
import { consoleKeys, verifyConsoleToken, type TokenRefusal } from './console-token'

/** The part of CloudBase's invocation context (tcb.getCloudbaseContext) the entry decides on. */
export interface InvocationContext {
  WX_OPENID?: string
  TRIGGER_SRC?: string
  TCB_SOURCE?: string
  TCB_HTTP_CONTEXT?: string
  TCB_UUID?: string
  TCB_ISANONYMOUS_USER?: string
  TCB_CUSTOM_USER_ID?: string
  LOGINTYPE?: string
}

/** Event keys the platform or the console adds; never part of an action's input. */
const USER_INFO_KEY = 'userInfo'
export const CONSOLE_TOKEN_KEY = 'consoleToken'

/**
 * Invocation sources that are end-user clients: a call from one of these without an OPENID is never the
 * console, whatever token it carries (defence in depth should a token leak into a client).
 */
const CLIENT_SOURCES = new Set(['wx_client', 'wx_http', 'wx_unknown'])

export type EntryDecision =
  | { ok: true; caller: Caller; event: unknown }
  | { ok: false; reply: FnReply; reason: TokenRefusal | 'client_source' | 'timer_without_trigger' }

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype
}

/** Why a call without OPENID must be an end user's client, not the console: a login, an HTTP route, a client source. */
function clientMarker(ctx: InvocationContext): boolean {
  const hops = (ctx.TCB_SOURCE ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean)
  return (
    hops.some((h) => CLIENT_SOURCES.has(h)) ||
    !!ctx.TCB_HTTP_CONTEXT ||
    !!ctx.TCB_UUID ||
    !!ctx.TCB_CUSTOM_USER_ID ||
    ctx.TCB_ISANONYMOUS_USER === 'true' ||
    !!ctx.LOGINTYPE
  )
}

function refuse(reason: Exclude<EntryDecision, { ok: true }>['reason']): EntryDecision {
  return { ok: false, reason, reply: { ok: false, code: 'AUTH.CONSOLE_PROOF_REQUIRED', message: ERROR_MESSAGES['AUTH.CONSOLE_PROOF_REQUIRED'] } }
}

/**
 * Who is calling, decided from the platform's context only:
 * - WX_OPENID present → a WeChat user (any console token in the event is dropped, never used);
 * - a Timer event fired by CloudBase's timer trigger (TRIGGER_SRC=timer) → the timer;
 * - an action the function declares self-verifying (payment notifies) → an unproven callback caller;
 * - anything else without OPENID is the console only with proof: no end-user client marker in the context
 *   AND a valid console token (docs/security.md §2). Otherwise AUTH.CONSOLE_PROOF_REQUIRED.
 * The platform's `userInfo` and the console token are stripped here, before the event is validated.
 */
export function decideCaller(def: FunctionDefinition, rawEvent: unknown, ctx: InvocationContext, env: Readonly<Record<string, string | undefined>>, now: Date): EntryDecision {
  let event = rawEvent
  let token: unknown
  if (isPlainObject(rawEvent)) {
    const { [USER_INFO_KEY]: _userInfo, [CONSOLE_TOKEN_KEY]: consoleToken, ...rest } = rawEvent
    event = rest
    token = consoleToken
  }
  const openid = typeof ctx.WX_OPENID === 'string' && ctx.WX_OPENID ? ctx.WX_OPENID : null
  if (openid) return { ok: true, caller: { openid, kind: 'user' }, event }

  const e = isPlainObject(event) ? event : {}
  const isTimerEvent = e.Type === 'Timer'
  if (isTimerEvent && ctx.TRIGGER_SRC === 'timer') return { ok: true, caller: { openid: null, kind: 'timer' }, event }
  if (!isTimerEvent && typeof e.action === 'string' && def.selfVerifyingActions.includes(e.action) && token === undefined) {
    return { ok: true, caller: { openid: null, kind: 'callback' }, event }
  }

  if (clientMarker(ctx)) return refuse('client_source')
  const check = verifyConsoleToken(token, consoleKeys(env), now)
  if (!check.ok) return refuse(isTimerEvent && check.reason === 'missing' ? 'timer_without_trigger' : check.reason)
  return { ok: true, caller: { openid: null, kind: 'console', operator: check.operator }, event }
}
