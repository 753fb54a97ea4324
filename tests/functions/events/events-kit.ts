import { must } from '../../../cloudfunctions/core/kernel/db-result'
import { COLLECTIONS } from '../../../cloudfunctions/core/households'
import { ORDER_COLLECTIONS } from '../../../cloudfunctions/core/orders'
import { GROUPBUY_COLLECTIONS } from '../../../cloudfunctions/core/groupbuy'
import { eventsContract } from '../../../cloudfunctions/contracts/events.contract'
import { PngCanvas } from '../../../cloudfunctions/platform/local/demo/png-canvas'
import { createTypedWorld, type TypedWorld } from '../../support/typed-world'

/** A resident of `householdId` with their own openid (the demo has one bound household; tests need crowds). */
export async function addMember(world: TypedWorld, householdId: string, openid = `t-res-${householdId}`): Promise<string> {
  must(
    await world.platform.db
      .collection(COLLECTIONS.residents)
      .doc(`r-${openid}`)
      .set({ openid, householdId, communityId: 'c-sunshine', role: 'owner', status: 'active', boundAt: world.clock.now() }),
  )
  return openid
}

/** An event the steward creates, starting `startInMin` from the world's clock. */
export async function createEvent(world: TypedWorld, opts: { startInMin?: number; hours?: number; limit?: number; category?: '生鲜' | '家电'; buildingIds?: string[] } = {}): Promise<string> {
  const now = world.clock.now().getTime()
  const startsAt = new Date(now + (opts.startInMin ?? 60) * 60_000)
  const endsAt = new Date(startsAt.getTime() + (opts.hours ?? 2) * 3600_000)
  const { eventId } = await world.as('steward').call(eventsContract, 'create', {
    kind: 'experience',
    title: '测试体验会',
    category: opts.category ?? '家电',
    venue: '1栋架空层',
    startsAt: startsAt.toISOString(),
    endsAt: endsAt.toISOString(),
    signupLimit: opts.limit ?? 30,
    buildingIds: opts.buildingIds ?? [],
  })
  return eventId
}

/** The households of the ROI worked examples of docs/events.md. */
export const ROI_HOUSEHOLDS = { A: 'h-2-1-301', B: 'h-3-1-501', C: 'h-4-1-201', D: 'h-5-1-201' } as const

/** The ROI examples' world: the demo community at 2026-12-05 14:00 Beijing, and a receipt photo for costs. */
export async function roiWorld(): Promise<{ world: TypedWorld; receipt: string }> {
  const world = await createTypedWorld({ seed: true, clockAt: '2026-12-05T06:00:00.000Z' })
  const receipt = (await world.platform.ports.storage!.put('events/t/receipt.png', new PngCanvas(8, 8, [255, 255, 255]).png(), 'image/png')).fileId
  return { world, receipt }
}

/**
 * The ROI examples' event, created by the steward: 12-05 19:00–21:00 Beijing at 物业服务中心, 20 places. A
 * resident of each of `signedUp` signs up; at 19:05 (where the clock is left) each of `checkedIn` checks in
 * with the steward's rotating code.
 */
export async function roiEvent(world: TypedWorld, e: { title: string; category: '生鲜' | '家政'; signedUp: string[]; checkedIn: string[] }): Promise<string> {
  const { eventId } = await world.as('steward').call(eventsContract, 'create', {
    kind: 'experience',
    title: e.title,
    category: e.category,
    venue: '物业服务中心',
    startsAt: '2026-12-05T19:00:00+08:00',
    endsAt: '2026-12-05T21:00:00+08:00',
    signupLimit: 20,
  })
  const members = Object.fromEntries(await Promise.all(e.signedUp.map(async (h) => [h, await addMember(world, h)] as const)))
  for (const h of e.signedUp) await world.as({ openid: members[h] }).call(eventsContract, 'signUp', { eventId })
  world.clock.set('2026-12-05T11:05:00.000Z')
  for (const h of e.checkedIn) {
    const { code } = await world.as('steward').call(eventsContract, 'code', { eventId })
    await world.as({ openid: members[h] }).call(eventsContract, 'scan', { eventId, code })
  }
  return eventId
}

interface PaidAt {
  id: string
  householdId: string
  refundedFen?: number
  at: Date
}

/** A paid order's document as the orders area stores it; `type` and the fields that differ by type come in `own`. */
function paidOrderDoc(o: PaidAt, own: { type: string; title: string; lines: unknown[]; paidFen: number; reservation: 'held' | 'none'; paidHook?: 'done' }) {
  const { paidHook, ...rest } = own
  return {
    type: rest.type,
    communityId: 'c-sunshine',
    householdId: o.householdId,
    payerOpenid: `t-res-${o.householdId}`,
    title: rest.title,
    lines: rest.lines,
    amountFen: rest.paidFen,
    status: o.refundedFen ? 'refunded' : 'paid',
    listed: true,
    reservation: rest.reservation,
    ...(paidHook ? { paidHook } : {}),
    paidFen: rest.paidFen,
    refundedFen: o.refundedFen ?? 0,
    pendingRefundFen: 0,
    resumeStatus: null,
    payment: { transactionId: `tx-${o.id}`, paidAt: o.at },
    prepay: null,
    attributedStewardOpenid: null,
    history: [],
    requestHash: o.id,
    createdAt: o.at,
    updatedAt: o.at,
    expiresAt: new Date(o.at.getTime() + 15 * 60_000),
  }
}

/**
 * A paid group-buy order as the orders and group-buy areas store it (order + entry with its campaign): the
 * ROI reads exactly these fields. Fixtures, because the worked example needs exact amounts, days and refunds.
 */
export async function paidGroupbuyOrder(world: TypedWorld, o: PaidAt & { campaignId: string; paidFen: number }) {
  const db = world.platform.db
  must(await db.collection(ORDER_COLLECTIONS.orders).doc(o.id).set(paidOrderDoc(o, { type: 'groupbuy', title: '测试团购', lines: [], paidFen: o.paidFen, reservation: 'held', paidHook: 'done' })))
  must(await db.collection(GROUPBUY_COLLECTIONS.entries).doc(o.id).set({ campaignId: o.campaignId, communityId: 'c-sunshine', householdId: o.householdId, stage: 'paid', amountFen: o.paidFen, createdAt: o.at }))
}

export async function campaign(world: TypedWorld, id: string, title: string, createdAt: Date) {
  must(await world.platform.db.collection(GROUPBUY_COLLECTIONS.campaigns).doc(id).set({ communityId: 'c-sunshine', title, status: 'closed', createdAt, deadline: createdAt }))
}

/** A paid order of another type (a home service, or a fee payment) as the orders area stores it: only the order. */
export async function paidOrder(
  world: TypedWorld,
  o: PaidAt & { type: 'service' | 'fee'; line: { refType: string; refId: string; title: string; quantity: number; unitPriceFen: number } },
) {
  const paidFen = o.line.quantity * o.line.unitPriceFen
  must(await world.platform.db.collection(ORDER_COLLECTIONS.orders).doc(o.id).set(paidOrderDoc(o, { type: o.type, title: o.line.title, lines: [o.line], paidFen, reservation: 'none' })))
}
