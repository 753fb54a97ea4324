import { must } from '../../../cloudfunctions/core/kernel/db-result'
import { COLLECTIONS } from '../../../cloudfunctions/core/households'
import { ORDER_COLLECTIONS } from '../../../cloudfunctions/core/orders'
import { GROUPBUY_COLLECTIONS } from '../../../cloudfunctions/core/groupbuy'
import { eventsContract } from '../../../cloudfunctions/contracts/events.contract'
import type { TypedWorld } from '../../support/typed-world'

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

/**
 * A paid group-buy order as the orders and group-buy areas store it (order + entry with its campaign): the
 * ROI reads exactly these fields. Fixtures, because the worked example needs exact amounts, days and refunds.
 */
export async function paidGroupbuyOrder(world: TypedWorld, o: { id: string; householdId: string; campaignId: string; paidFen: number; refundedFen?: number; at: Date }) {
  const db = world.platform.db
  must(
    await db.collection(ORDER_COLLECTIONS.orders).doc(o.id).set({
      type: 'groupbuy',
      communityId: 'c-sunshine',
      householdId: o.householdId,
      payerOpenid: `t-res-${o.householdId}`,
      title: '测试团购',
      lines: [],
      amountFen: o.paidFen,
      status: o.refundedFen ? 'refunded' : 'paid',
      listed: true,
      reservation: 'held',
      paidHook: 'done',
      paidFen: o.paidFen,
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
    }),
  )
  must(await db.collection(GROUPBUY_COLLECTIONS.entries).doc(o.id).set({ campaignId: o.campaignId, communityId: 'c-sunshine', householdId: o.householdId, stage: 'paid', amountFen: o.paidFen, createdAt: o.at }))
}

export async function campaign(world: TypedWorld, id: string, title: string, createdAt: Date) {
  must(await world.platform.db.collection(GROUPBUY_COLLECTIONS.campaigns).doc(id).set({ communityId: 'c-sunshine', title, status: 'closed', createdAt, deadline: createdAt }))
}

/** A paid order of another type (a home service, or a fee payment) as the orders area stores it: only the order. */
export async function paidOrder(
  world: TypedWorld,
  o: { id: string; type: 'service' | 'fee'; householdId: string; line: { refType: string; refId: string; title: string; quantity: number; unitPriceFen: number }; refundedFen?: number; at: Date },
) {
  const paidFen = o.line.quantity * o.line.unitPriceFen
  must(
    await world.platform.db.collection(ORDER_COLLECTIONS.orders).doc(o.id).set({
      type: o.type,
      communityId: 'c-sunshine',
      householdId: o.householdId,
      payerOpenid: `t-res-${o.householdId}`,
      title: o.line.title,
      lines: [o.line],
      amountFen: paidFen,
      status: o.refundedFen ? 'refunded' : 'paid',
      listed: true,
      reservation: 'none',
      paidFen,
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
    }),
  )
}
