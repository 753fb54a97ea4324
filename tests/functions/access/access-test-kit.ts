import { createTestWorld, rid, type TestWorld } from '../../support/test-platform'
import { doorSimulatorOf } from '../../../cloudfunctions/platform/local/door-simulator/local-door'
import { devPassKeyStore } from '../../../cloudfunctions/platform/local/demo/dev-pass-keys'
import { createOfflineVerifier } from '../../../cloudfunctions/core/access/pass-verifier'
import { demoDoors } from '../../../cloudfunctions/platform/local/demo/seeders/doors-demo.seeder'
import { COLLECTIONS } from '../../../cloudfunctions/core/households/registry-collections'
import { must } from '../../../cloudfunctions/core/kernel/db-result'
import type { FnReply } from '../../../cloudfunctions/contracts/envelope'

export const OWNER = 'demo-owner'
export const FAMILY = 'demo-family'
export const VISITOR = 'demo-visitor'
export const OPS = 'demo-ops'
export const COMMUNITY = 'c-sunshine'

const doors = demoDoors(new Date())
export const doorNo = (doorId: string) => doors.find((d) => d._id === doorId)!.doorNo

/** The door ids the demo owner (1栋) may use, and one they may not. */
export const SOUTH_GATE = 'd-sun-gate-s'
export const NORTH_GATE = 'd-sun-gate-n'
export const B1_U1 = 'd-sun-1-1'
export const B1_U2 = 'd-sun-1-2'
export const B2_U1 = 'd-sun-2-1'

export async function accessWorld(options: { env?: Record<string, string> } = {}): Promise<TestWorld & { sim: ReturnType<typeof doorSimulatorOf> }> {
  const world = await createTestWorld({ seed: true, env: options.env })
  return Object.assign(world, { sim: doorSimulatorOf(world.platform) })
}

/** A reader of the demo community holding the dev-derived key, exactly what `npm start` signs with. */
export function demoReader() {
  return createOfflineVerifier({ communityId: COMMUNITY, keys: devPassKeyStore().keysFor(COMMUNITY) })
}

export async function ok<T = any>(reply: Promise<FnReply<T>>): Promise<T> {
  const r = await reply
  if (!r.ok) throw new Error(`expected ok, got ${r.code}: ${r.message}`)
  return r.data
}

/** What removing a member from a household does to the registry (the households area owns the action). */
export async function removeMember(world: TestWorld, openid: string, householdId: string) {
  must(await world.platform.db.collection(COLLECTIONS.residents).where({ openid, householdId }).update({ status: 'removed', removedAt: world.clock.now() }))
}

export function visitorPassInput(world: TestWorld, overrides: Record<string, unknown> = {}) {
  const now = world.clock.now().getTime()
  return {
    action: 'createVisitorPass',
    requestId: rid('vp'),
    visitorName: '李访客',
    startsAt: new Date(now).toISOString(),
    endsAt: new Date(now + 4 * 3600_000).toISOString(),
    maxUses: 2,
    doorIds: [SOUTH_GATE, B1_U1],
    ...overrides,
  }
}
