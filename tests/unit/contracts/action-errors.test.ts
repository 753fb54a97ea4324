import { z } from 'zod'
import { defineContract, query } from '../../../cloudfunctions/contracts/envelope'
import { ALL_ERROR_MESSAGES, ERROR_MESSAGES } from '../../../cloudfunctions/contracts/errors'
import { defineFunction } from '../../../cloudfunctions/runtime/define-function'
import { invoke } from '../../../cloudfunctions/runtime/invoke'
import { DomainError } from '../../../cloudfunctions/core/kernel/domain-error'
import { functionRegistry } from '../../../cloudfunctions/platform/local/function-registry'
import { analyseActionErrors, type ActionErrorAnalysis } from '../../../scripts/action-error-codes'
import { createTestWorld } from '../../support/test-platform'

const isBase = (code: string) => Object.prototype.hasOwnProperty.call(ERROR_MESSAGES, code)

/**
 * Each action lists the codes it may answer (contracts/<fn>.contract.ts `errors`). The lists are checked
 * both ways against a static walk of the call graph from each handler (scripts/action-error-codes.ts):
 * every code the handler can certainly reach is listed, and nothing is listed that no path reaches.
 */
describe('error codes are declared per action, and honestly', () => {
  let analysis: ActionErrorAnalysis
  beforeAll(() => {
    analysis = analyseActionErrors(Object.keys(functionRegistry))
  }, 120_000)

  it('every action of every function has its own list, of codes that exist and are not base codes', () => {
    for (const [fn, def] of Object.entries(functionRegistry)) {
      expect({ fn, actions: Object.keys(def.contract.errors).sort() }).toEqual({ fn, actions: Object.keys(def.contract.actions).sort() })
      for (const [action, codes] of Object.entries(def.contract.errors as Record<string, readonly string[]>)) {
        const unknown = codes.filter((c) => !Object.prototype.hasOwnProperty.call(ALL_ERROR_MESSAGES, c) || isBase(c))
        expect({ fn, action, unknown }).toEqual({ fn, action, unknown: [] })
        expect({ fn, action, duplicates: codes.length - new Set(codes).size }).toEqual({ fn, action, duplicates: 0 })
      }
    }
  })

  it('the walk reaches every handler and resolves every thrown code to literals', () => {
    for (const [fn, def] of Object.entries(functionRegistry)) {
      expect({ fn, handlers: [...(analysis.actions.get(fn)?.keys() ?? [])].sort() }).toEqual({ fn, handlers: Object.keys(def.contract.actions).sort() })
    }
    expect(analysis.unresolved).toBe(0)
  })

  it('each action lists every domain code its handler can reach, and none that no path reaches', () => {
    for (const [fn, def] of Object.entries(functionRegistry)) {
      for (const [action, found] of analysis.actions.get(fn)!) {
        const declared = new Set((def.contract.errors as Record<string, readonly string[]>)[action])
        const missing = [...found.direct].filter((c) => !isBase(c) && !declared.has(c))
        const unreachable = [...declared].filter((c) => !found.direct.has(c) && !found.dispatched.has(c))
        expect({ fn, action, missing, unreachable }).toEqual({ fn, action, missing: [], unreachable: [] })
      }
    }
  })
})

describe('the runtime answers only the codes an action lists', () => {
  const contract = defineContract(
    'probe',
    { listed: query(z.object({}).strict(), z.object({})), sibling: query(z.object({}).strict(), z.object({})) },
    { audience: { listed: ['user'], sibling: ['user'] }, errors: { listed: ['FEE.ALREADY_PAID'], sibling: [] } },
  )
  const refuse = async (): Promise<Record<string, never>> => {
    throw new DomainError('FEE.ALREADY_PAID')
  }
  const fn = defineFunction(contract, { listed: refuse, sibling: refuse })

  it('a code the action lists goes out as it is; the same code from a sibling that does not list it is INTERNAL and logged', async () => {
    const world = await createTestWorld()
    const logged: { event: string; fields: unknown }[] = []
    const platform = { ...world.platform, logger: { ...world.platform.logger, error: (event: string, fields?: unknown) => void logged.push({ event, fields }) } }
    try {
      const caller = { openid: 'u-probe', kind: 'user' as const }
      expect(await invoke(fn, { action: 'listed' }, caller, platform)).toMatchObject({ ok: false, code: 'FEE.ALREADY_PAID' })
      expect(await invoke(fn, { action: 'sibling' }, caller, platform)).toMatchObject({ ok: false, code: 'INTERNAL' })
      expect(logged).toEqual([{ event: 'error_code.unlisted', fields: expect.objectContaining({ fn: 'probe', action: 'sibling', code: 'FEE.ALREADY_PAID' }) }])
    } finally {
      world.close()
    }
  })
})
