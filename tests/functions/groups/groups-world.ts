import { requirePort } from '../../../cloudfunctions/core/kernel/platform'
import { bindResident, createTestWorld, rid, type TestWorld } from '../../support/test-platform'
import { GROUP_COLLECTIONS } from '../../../cloudfunctions/core/groups/group.model'
import { STEWARD, STEWARD2 as STEWARD_2, OPS } from '../../support/personas'

/** Demo personas come from one module (tests/support/personas.ts). */
export { STEWARD, STEWARD_2, OPS }

export const COMMUNITY = 'c-sunshine'
/** Grid of demo-steward: b-1..b-3; of demo-steward-2: b-4..b-6 (demo seed). */
export const DAY = 86_400_000

/** A real (1×1) PNG, so the storage's content sniffing sees an image. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64')

/**
 * The demo community with its registry, stewards and residents, but WITHOUT the demo groups, so each
 * test builds exactly the groups it reasons about. Extra residents cover every identity and building.
 */
export async function groupsWorld(): Promise<TestWorld> {
  const world = await createTestWorld({ seed: true })
  const db = world.platform.db
  for (const c of Object.values(GROUP_COLLECTIONS)) {
    const _ = db.command
    await db.collection(c).where({ _id: _.exists(true) }).remove()
  }
  // openid → household and role; the openid says the identity and building each one covers.
  const residents = { 'res-tenant-b2': ['h-2-1-301', 'tenant'], 'res-owner-b2': ['h-2-1-302', 'owner'], 'res-owner-b4': ['h-4-1-101', 'owner'], 'res-family-b4': ['h-4-1-101', 'family'], 'res-tenant-b5': ['h-5-2-1502', 'tenant'], 'res-owner-b1': ['h-1-2-702', 'owner'] } as const
  for (const [openid, [householdId, role]] of Object.entries(residents)) await bindResident(world, { openid, householdId, role })
  return world
}

export async function ok<T = any>(p: Promise<{ ok: boolean; data?: unknown; code?: string; message?: string }>): Promise<T> {
  const res = await p
  if (!res.ok) throw new Error(`expected ok, got ${res.code}: ${res.message}`)
  return res.data as T
}

export interface GroupSpec {
  name: string
  kind: 'owners' | 'tenants' | 'merchants' | 'all'
  buildingIds?: string[]
  capacity?: number
}

export async function createGroup(world: TestWorld, steward: string, spec: GroupSpec) {
  return ok(world.call('groups', steward, { action: 'createGroup', requestId: rid(), communityId: COMMUNITY, buildingIds: [], ...spec }))
}

let fileSeq = 0
/** Puts a QR image into storage the way the mini-program's upload does, then registers it on the group. */
export async function uploadQr(world: TestWorld, steward: string, groupId: string, savedAt = world.clock.now()) {
  const fileId = await putImage(world)
  return ok(world.call('groups', steward, { action: 'uploadCode', requestId: rid(), groupId, fileId, savedAt: savedAt.toISOString() }))
}

export async function putImage(world: TestWorld, content: Buffer = PNG): Promise<string> {
  fileSeq += 1
  const storage = requirePort(world.platform, 'storage')
  return (await storage.put(`groups/test/qr-${fileSeq}.png`, content)).fileId
}

/** A live group, ready for joins. */
export async function liveGroup(world: TestWorld, steward: string, spec: GroupSpec) {
  const g = await createGroup(world, steward, spec)
  await uploadQr(world, steward, g.id)
  return g
}

export function join(world: TestWorld, openid: string, input: Record<string, unknown> = {}) {
  return world.call('groups', openid, { action: 'join', requestId: rid(), ...input })
}
