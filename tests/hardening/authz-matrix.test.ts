import type { ActionContract } from '../../cloudfunctions/contracts/envelope'
import { functionRegistry } from '../../cloudfunctions/platform/local/function-registry'
import { APPEND_ONLY, EXPECTED, MATRIX_COLUMNS } from './authz-matrix.expected'
import { ACTION_INPUTS } from './support/action-inputs'
import { createHardeningWorld, type HardeningWorld } from './support/hardening-world'
import { ROLES, type Role } from './support/roles'

/**
 * Every action × every caller (tests/hardening/authz-matrix.expected.ts has the table and its legend).
 * Each cell starts from the same world (a checkpoint rewind), calls the action with a valid input aimed at
 * the demo owner's household or the steward's grid, classifies the reply and checks what was written.
 * On a mismatch the test prints every differing cell with the code it got.
 */
type Cell = 'W' | 'R' | 'D' | 'H'

interface Observed {
  cell: Cell
  code: string
  writes: string[]
}

const ALL_ACTIONS = Object.entries(functionRegistry).flatMap(([fn, def]) =>
  Object.entries(def.contract.actions as Record<string, ActionContract>).map(([action, contract]) => ({ fn, action, key: `${fn}.${action}`, mutating: contract.mutating })),
)

function expectedRow(key: string): Cell[] {
  const row = EXPECTED[key]?.trim().split(/\s+/) ?? []
  if (row.length !== ROLES.length || row.some((c) => !'WRDH'.includes(c))) throw new Error(`authz-matrix.expected.ts: row ${key} must have ${ROLES.length} cells of W/R/D/H`)
  return row as Cell[]
}

let seq = 0
async function observe(h: HardeningWorld, fn: string, action: string, mutating: boolean, role: Role): Promise<Observed> {
  h.checkpoint.restore()
  const event = { action, ...ACTION_INPUTS[`${fn}.${action}`].input(h.fx), ...(mutating ? { requestId: `authz-${++seq}-${role}` } : {}) }
  const reply = await h.callAs(role, fn, event)
  const writes = [...new Set(h.checkpoint.changes(APPEND_ONLY).map((c) => c.collection))].sort()
  if (reply.ok) return { cell: writes.length ? 'W' : 'R', code: 'ok', writes }
  const code = reply.code
  const cell: Cell = code.startsWith('AUTH.') ? 'D' : code === 'NOT_FOUND' || code.endsWith('.NOT_FOUND') ? 'H' : writes.length ? 'W' : 'R'
  return { cell, code, writes }
}

/** Does what happened satisfy the expected cell? W accepts a read-only answer; R, D and H never write. */
function satisfies(expected: Cell, got: Observed): boolean {
  if (expected === 'W') return got.cell === 'W' || got.cell === 'R'
  return got.cell === expected && got.writes.length === 0
}

describe('hardening: authorization matrix (every action × every role)', () => {
  let h: HardeningWorld
  beforeAll(async () => {
    h = await createHardeningWorld()
  }, 60_000)
  afterAll(() => h.world.close())

  it('has a valid input and an expected row for exactly the actions the registry serves', () => {
    const served = ALL_ACTIONS.map((a) => a.key).sort()
    expect(Object.keys(ACTION_INPUTS).sort()).toEqual(served)
    expect(Object.keys(EXPECTED).sort()).toEqual(served)
    for (const key of served) expect(expectedRow(key)).toHaveLength(ROLES.length)
  })

  const byFunction = Object.keys(functionRegistry).map((fn) => ({ fn, actions: ALL_ACTIONS.filter((a) => a.fn === fn) }))

  it.each(byFunction)('$fn: every caller gets what the table says, and refusals write nothing', async ({ actions }) => {
    const diffs: string[] = []
    for (const { fn, action, key, mutating } of actions) {
      if (!EXPECTED[key]) continue // reported by the coverage test above
      const row = expectedRow(key)
      for (const [i, role] of ROLES.entries()) {
        const got = await observe(h, fn, action, mutating, role)
        if (!satisfies(row[i], got)) diffs.push(`${key.padEnd(34)} ${role.padEnd(15)} expected ${row[i]}, got ${got.cell} (${got.code}${got.writes.length ? `; wrote ${got.writes.join(',')}` : ''})`)
      }
    }
    if (diffs.length) console.log(`authorization matrix differences (columns: ${MATRIX_COLUMNS}):\n${diffs.join('\n')}`)
    expect(diffs).toEqual([])
  })
})
