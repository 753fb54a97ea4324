import { createTestWorld, rid, type TestWorld } from '../../support/test-platform'
import { storageOf } from '../../../cloudfunctions/core/kernel/ports/storage.port'
import { REPAIR_COLLECTIONS, type TicketDoc } from '../../../cloudfunctions/core/repairs/repair.model'
import { OUTBOX_COLLECTION, type OutboxDoc } from '../../../cloudfunctions/platform/local/outbox/outbox-notifier'
import type { RepairStatus } from '../../../cloudfunctions/contracts/repairs.contract'

/** Demo personas the repairs tests act as (seeded by seedDemo + the repairs demo seeder). */
export const OWNER = 'demo-owner'
export const FAMILY = 'demo-family'
export const TECH = 'demo-technician'
export const TECH2 = 'demo-technician-2'
export const STEWARD = 'demo-steward'
export const STEWARD2 = 'demo-steward-2'
export const OPS = 'demo-ops'
export const VISITOR = 'demo-visitor'
export const HOUSEHOLD = 'h-1-1-101'

export const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 7)])

export async function repairsWorld(): Promise<TestWorld> {
  return createTestWorld({ seed: true, clockAt: '2026-11-22T02:00:00.000Z' })
}

/** A mutating call with a fresh request id; returns the reply. */
export function act<T = any>(world: TestWorld, openid: string, action: string, input: Record<string, unknown> = {}) {
  return world.call<T>('repairs', openid, { action, requestId: rid(action), ...input })
}

export async function uploadPhoto(world: TestWorld, content: Buffer = JPEG, folder = 'repairs/test'): Promise<string> {
  const { fileId } = await storageOf(world.platform).put(`${folder}/${Math.random().toString(36).slice(2)}.jpg`, content)
  return fileId
}

export async function fileTicket(world: TestWorld, openid = OWNER, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await act(world, openid, 'create', {
    place: { kind: 'household', householdId: HOUSEHOLD },
    category: 'plumbing',
    description: '卫生间地漏返水，有异味',
    ...extra,
  })
  if (!res.ok) throw new Error(`create failed: ${res.code} ${res.message}`)
  return res.data.ticketId
}

export async function ticketDoc(world: TestWorld, id: string): Promise<TicketDoc> {
  const row = world.platform.local.engine.store.getById(REPAIR_COLLECTIONS.tickets, id)
  if (!row) throw new Error(`no ticket ${id}`)
  return row.doc as unknown as TicketDoc
}

export function outbox(world: TestWorld, toOpenid?: string): OutboxDoc[] {
  return (world.platform.local.engine.store.scan(OUTBOX_COLLECTION).map((r) => r.doc) as unknown as OutboxDoc[]).filter((m) => !toOpenid || m.toOpenid === toOpenid)
}

/** Both technicians off duty, so a new ticket stays submitted; returns a function that puts them back. */
export async function everyoneOffDuty(world: TestWorld): Promise<() => Promise<void>> {
  for (const t of [TECH, TECH2]) await act(world, t, 'setAvailability', { available: false })
  return async () => {
    for (const t of [TECH, TECH2]) await act(world, t, 'setAvailability', { available: true })
  }
}

/** Drives a fresh ticket of the demo owner into the given status through the real actions. */
export async function ticketIn(world: TestWorld, status: RepairStatus): Promise<string> {
  if (status === 'submitted') {
    const restore = await everyoneOffDuty(world)
    const id = await fileTicket(world)
    await restore()
    return id
  }
  const id = await fileTicket(world)
  const steps: Record<RepairStatus, [string, string, Record<string, unknown>][]> = {
    submitted: [],
    assigned: [],
    accepted: [[TECH, 'accept', {}]],
    in_progress: [[TECH, 'accept', {}], [TECH, 'start', {}]],
    completed: [[TECH, 'accept', {}], [TECH, 'start', {}], [TECH, 'complete', { note: '已疏通' }]],
    rated: [[TECH, 'accept', {}], [TECH, 'start', {}], [TECH, 'complete', { note: '已疏通' }], [OWNER, 'rate', { arrival: 5, attitude: 5, process: 4, etiquette: 5 }]],
    cancelled: [[OWNER, 'cancel', {}]],
  }
  for (const [who, action, input] of steps[status]) {
    const res = await act(world, who, action, { ticketId: id, ...input })
    if (!res.ok) throw new Error(`${action} failed: ${res.code} ${res.message}`)
  }
  return id
}
