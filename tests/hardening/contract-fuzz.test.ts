import fc from 'fast-check'
import type { z } from 'zod'
import type { ActionContract } from '../../cloudfunctions/contracts/envelope'
import { functionRegistry } from '../../cloudfunctions/platform/local/function-registry'
import { createTestWorld, type TestWorld } from '../support/test-platform'
import { hostileInput } from './hostile-values'

/**
 * Every action of every function, fed hostile input from several callers: the reply is always a coded
 * envelope, never INTERNAL, and a refused-as-invalid call writes nothing. Fixed seed, bounded runs.
 */
const CALLERS = ['demo-owner', 'demo-unbound', 'demo-steward', 'demo-ops']
const RUNS_PER_ACTION = 12

function fieldNamesOf(schema: z.ZodTypeAny): string[] {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape
  return shape && typeof shape === 'object' ? Object.keys(shape) : []
}

/** A cheap fingerprint of every collection: row count and revision sum (any insert, update or delete moves it). */
function fingerprint(world: TestWorld): string {
  const sqlite = world.platform.local.engine.store.sqlite
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name LIKE 'c\\_%' ESCAPE '\\' AND name <> 'c_idempotency_keys'").all() as { name: string }[]
  return tables.map((t) => `${t.name}:${JSON.stringify(sqlite.prepare(`SELECT count(*) AS n, total(rev) AS r FROM "${t.name}"`).get())}`).join('|')
}

describe('hardening: contract-driven fuzzing of every action', () => {
  let world: TestWorld
  beforeAll(async () => {
    world = await createTestWorld({ seed: true })
  })
  afterAll(() => world.close())

  const cases = Object.entries(functionRegistry).flatMap(([fn, def]) =>
    Object.entries(def.contract.actions as Record<string, ActionContract>).map(([action, contract]) => ({
      fn,
      action,
      fields: fieldNamesOf(contract.input),
      mutating: contract.mutating,
    })),
  )

  it.each(cases)('$fn → $action: answers hostile input with a clear code and writes nothing when it refuses the input', async ({ fn, action, fields, mutating }) => {
    let seq = 0
    await fc.assert(
      fc.asyncProperty(hostileInput(fields), fc.constantFrom(...CALLERS), async (input, openid) => {
        const before = fingerprint(world)
        const event = { ...input, action, ...(mutating ? { requestId: `fuzz-${fn}-${action}-${++seq}`.slice(0, 64) } : {}) }
        const reply = await world.call(fn, openid, event)
        expect(typeof reply.ok).toBe('boolean')
        if (!reply.ok) {
          expect(reply.code).toMatch(/^[A-Z_]+(\.[A-Z_]+)*$/)
          expect(reply.code).not.toBe('INTERNAL')
          expect(typeof reply.message).toBe('string')
          if (reply.code === 'VALIDATION.FAILED') expect(fingerprint(world)).toBe(before)
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined()
      }),
      { seed: 20261122, numRuns: RUNS_PER_ACTION },
    )
  })
})
