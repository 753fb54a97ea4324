import { createHash } from 'node:crypto'
import type { FnReply } from '../contracts/envelope'
import type { Platform } from '../core/kernel/platform'
import type { Caller, FunctionDefinition } from './define-function'
import { invoke } from './invoke'

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype
}

/** JSON with keys sorted at every level, so the same input always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (isPlainObject(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

/**
 * The requestId of a console mutation that came without one: derived from the function, the action and the
 * input, so pressing 「测试」 again in the console with the same event is the same request and replays the
 * first answer instead of acting twice. To do the same thing twice on purpose, pass your own requestId.
 */
export function deriveConsoleRequestId(fn: string, action: string, input: Record<string, unknown>): string {
  return `con-${createHash('sha256').update(`${fn}|${action}|${canonical(input)}`).digest('hex').slice(0, 40)}`
}

/**
 * A console (or timer) invocation: derives the requestId a console mutation needs, runs the one pipeline
 * (runtime/invoke.ts) and logs who did what — the operator alias, the function, the action, the requestId
 * and the outcome code. Never the input: an import or a refund reason can carry personal data.
 */
export async function invokeConsole(def: FunctionDefinition, event: unknown, caller: Caller, platform: Platform): Promise<FnReply> {
  if (caller.kind !== 'console') return invoke(def, event, caller, platform)
  let wire = event
  let derived = false
  const action = isPlainObject(event) && typeof event.action === 'string' ? event.action : undefined
  const contract = action && Object.prototype.hasOwnProperty.call(def.contract.actions, action) ? def.contract.actions[action] : undefined
  if (isPlainObject(event) && action && contract?.mutating && event.requestId === undefined && !def.consoleRerunnable.includes(action)) {
    const { action: _a, ...input } = event
    wire = { ...event, requestId: deriveConsoleRequestId(def.contract.name, action, input) }
    derived = true
  }
  const reply = await invoke(def, wire, caller, platform)
  const requestId = isPlainObject(wire) && typeof wire.requestId === 'string' ? wire.requestId : undefined
  const what = isPlainObject(event) && event.Type === 'Timer' ? `timer:${String(event.TriggerName).slice(0, 64)}` : (action ?? '(none)').slice(0, 64)
  platform.logger.info('console.action', {
    operator: caller.operator ?? '(unknown)',
    fn: def.contract.name,
    action: what,
    requestId,
    requestIdDerived: derived,
    ok: reply.ok,
    code: reply.ok ? undefined : reply.code,
  })
  return reply
}
