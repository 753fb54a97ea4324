import { createLocalPlatform, type LocalPlatform } from '../../cloudfunctions/platform/local/local-platform'
import { invokeLocal, asUser, asConsole, asTimer } from '../../cloudfunctions/platform/local/invoke-local'
import { seedDemo } from '../../cloudfunctions/platform/local/demo/seed-demo'
import type { Clock, Ports } from '../../cloudfunctions/core/kernel/platform'
import type { FnReply } from '../../cloudfunctions/contracts/envelope'

/** A clock tests move by hand. */
export class ManualClock implements Clock {
  private t: number
  constructor(iso = '2026-11-22T02:00:00.000Z') {
    this.t = Date.parse(iso)
  }
  now(): Date {
    return new Date(this.t)
  }
  set(iso: string): void {
    this.t = Date.parse(iso)
  }
  advance(ms: number): void {
    this.t += ms
  }
}

export interface TestWorld {
  platform: LocalPlatform
  clock: ManualClock
  /** Call a function as a WeChat user. */
  call<T = any>(fn: string, openid: string, event: Record<string, unknown>): Promise<FnReply<T>>
  /** Call a function as ops in the CloudBase console. */
  console<T = any>(fn: string, event: Record<string, unknown>): Promise<FnReply<T>>
  timer<T = any>(fn: string, triggerName: string): Promise<FnReply<T>>
  close(): void
}

let seq = 0
/** A fresh in-memory world per test file (or per test); optionally with the demo community. */
export async function createTestWorld(options: { seed?: boolean; clockAt?: string; ports?: Partial<Ports>; env?: Record<string, string> } = {}): Promise<TestWorld> {
  const clock = new ManualClock(options.clockAt)
  const platform = createLocalPlatform({ clock, quiet: true, ports: options.ports, env: { PHONE_PEPPER: 'test-pepper', ...options.env } })
  if (options.seed) await seedDemo({ db: platform.db, now: clock.now(), pepper: 'test-pepper' })
  return {
    platform,
    clock,
    call: (fn, openid, event) => invokeLocal(platform, fn, event, asUser(openid)) as never,
    console: (fn, event) => invokeLocal(platform, fn, event, asConsole) as never,
    timer: (fn, triggerName) => invokeLocal(platform, fn, { Type: 'Timer', TriggerName: triggerName, Time: clock.now().toISOString() }, asTimer) as never,
    close: () => platform.local.close(),
  }
}

/** A unique request id for mutating calls. */
export function rid(prefix = 'req'): string {
  seq += 1
  return `${prefix}-${Date.now().toString(36)}-${seq}`
}

/** Snapshot of every collection's documents, to assert "nothing was written". */
export function dumpDatabase(platform: LocalPlatform, except: string[] = ['idempotency_keys']): Record<string, unknown[]> {
  const store = platform.local.engine.store
  const out: Record<string, unknown[]> = {}
  for (const c of store.collections().sort()) {
    if (except.includes(c)) continue
    out[c] = store.scan(c).map((r) => r.doc)
  }
  return out
}
