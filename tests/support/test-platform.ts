import { createLocalPlatform, type LocalPlatform } from '../../cloudfunctions/platform/local/local-platform'
import { invokeLocal, asUser, asConsole, asTimer } from '../../cloudfunctions/platform/local/invoke-local'
import { seedDemo } from '../../cloudfunctions/platform/local/demo/seed-demo'
import type { Clock, Ports } from '../../cloudfunctions/core/kernel/platform'
import type { FnReply } from '../../cloudfunctions/contracts/envelope'
import type { SandboxPayments } from '../../cloudfunctions/platform/local/sandbox-pay/sandbox-payments'
import { must } from '../../cloudfunctions/core/kernel/db-result'

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

export interface SandboxWorld extends TestWorld {
  sandbox: SandboxPayments
}

/**
 * The seeded demo world with its sandbox payments exposed, whose refunds settle only when a test calls
 * `sandbox.settleRefunds()` — never on a timer after the world has closed.
 */
export async function createSandboxWorld(options: { clockAt?: string } = {}): Promise<SandboxWorld> {
  const world = await createTestWorld({ seed: true, clockAt: options.clockAt })
  const sandbox = world.platform.ports.payments as SandboxPayments
  sandbox.autoSettleRefunds = false
  const closeWorld = world.close
  world.close = () => {
    sandbox.close()
    closeWorld()
  }
  return Object.assign(world, { sandbox })
}

/** A resident bound to a household (the document the households area's binding writes). */
export async function bindResident(
  world: TestWorld,
  r: { openid: string; householdId: string; role?: 'owner' | 'family' | 'tenant'; communityId?: string; boundAt?: Date; id?: string },
): Promise<void> {
  const doc = { openid: r.openid, householdId: r.householdId, communityId: r.communityId ?? 'c-sunshine', role: r.role ?? 'owner', status: 'active', boundAt: r.boundAt ?? world.clock.now() }
  must(await world.platform.db.collection('residents').doc(r.id ?? `r-${r.openid}-${r.householdId}`).set(doc))
}

/** A unique request id for mutating calls. */
export function rid(prefix = 'req'): string {
  seq += 1
  return `${prefix}-${Date.now().toString(36)}-${seq}`
}

/** Snapshot of every non-empty collection's documents, to assert "nothing was written". */
export function dumpDatabase(platform: LocalPlatform, except: string[] = ['idempotency_keys']): Record<string, unknown[]> {
  const store = platform.local.engine.store
  const out: Record<string, unknown[]> = {}
  for (const c of store.collections().sort()) {
    if (except.includes(c)) continue
    const docs = store.scan(c).map((r) => r.doc)
    // An empty collection holds nothing: a counter written and removed again (guess limits) is no write.
    if (docs.length > 0) out[c] = docs
  }
  return out
}
