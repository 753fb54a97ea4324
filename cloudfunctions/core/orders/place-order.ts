import { z } from 'zod'
import type { Platform } from '../kernel/platform'
import { requestIdSchema } from '../../contracts/envelope'
import { fenSchema, idSchema } from '../../contracts/common.schemas'
import { orderLineSchema, orderTypeSchema } from '../../contracts/orders.contract'
import { ORDER_ERROR_MESSAGES } from '../../contracts/errors/orders'
import { ERROR_MESSAGES } from '../../contracts/errors/base'
import { isDuplicateKey, must } from '../kernel/db-result'
import { DomainError } from '../kernel/domain-error'
import type { Prepay } from '../kernel/ports/payments.port'
import type { HouseholdDoc } from '../households'
import { COLLECTIONS } from '../households'
import { hooksFor, type OrderHookContext } from './order-type-hooks'
import { orderIdFor, requestHashOf } from './order-ids'
import { ORDER_NO_ATTEMPTS, orderNoFor } from './order-number'
import { historyEntry, loadOrder } from './order-transition'
import { ensurePrepay, issuePrepay } from './prepay'
import { ORDER_COLLECTIONS, UNPAID_TTL_MS, type OrderDoc } from './order.model'

export const placeOrderInputSchema = z.object({
  type: orderTypeSchema,
  householdId: idSchema,
  /** Known to most callers already; looked up from the household when left out. */
  communityId: idSchema.optional(),
  payerOpenid: z.string().min(1).max(64),
  lines: z.array(orderLineSchema).min(1).max(50),
  amountFen: fenSchema.min(1),
  /** The client's requestId of the call that places the order: the order id is derived from it. */
  requestId: requestIdSchema,
  title: z.string().min(1).max(60).optional(),
  /**
   * What the order was placed against, in the placing area's terms (a group-buy campaign), when its lines
   * alone do not say: kept on the order so later readers (the merchants area's payment terms) need no read.
   */
  offerId: idSchema.optional(),
  /** Placeholder until attribution lands; stays null for now. */
  attributedStewardOpenid: z.string().min(1).max(64).nullable().default(null),
})

export type PlaceOrderInput = z.input<typeof placeOrderInputSchema>

export interface PlacedOrder {
  order: OrderDoc
  /** Null when the order can no longer be paid (a retry that finds it paid or closed). */
  prepay: Prepay | null
}

/**
 * The one way any area creates an order (fees, group buys, paid services), called in-process from their
 * own function. The caller has already authorized payer ↔ household. Idempotent on (payer, requestId):
 * a retry — after a timeout, a crash, or a database failure half-way — returns the same order, and resumes
 * the reservation if the first attempt stopped before it finished.
 */
export async function placeOrder(ctx: OrderHookContext, raw: PlaceOrderInput): Promise<PlacedOrder> {
  const input = placeOrderInputSchema.parse(raw)
  const linesOk = input.lines.every((l) => l.amountFen === l.quantity * l.unitPriceFen)
  const total = input.lines.reduce((sum, l) => sum + l.amountFen, 0)
  if (!linesOk || total !== input.amountFen) throw new DomainError('ORDER.INVALID_LINES', ORDER_ERROR_MESSAGES['ORDER.INVALID_LINES'])

  const platform = ctx.platform
  const orderId = orderIdFor(input.payerOpenid, input.requestId)
  const requestHash = requestHashOf({ type: input.type, householdId: input.householdId, lines: input.lines, amountFen: input.amountFen })
  // Insert first: a new request (nearly every call) then costs no read; a retry meets the duplicate key and
  // insertOrder returns the order it finds.
  let order = await insertOrder(ctx, orderId, requestHash, input)
  if (order.requestHash !== requestHash) throw new DomainError('REQUEST.ID_REUSED', ERROR_MESSAGES['REQUEST.ID_REUSED'])
  if (order.reservation === 'pending' && order.status === 'created') order = await finishReservation(ctx, order)
  if (order.status !== 'created' || !order.listed) return { order, prepay: null }
  const prepay = await ensurePrepay(platform, order)
  return { order: { ...order, prepay: { ...prepay, createdAt: order.prepay?.createdAt ?? platform.clock.now() } }, prepay }
}

async function insertOrder(ctx: OrderHookContext, orderId: string, requestHash: string, input: z.infer<typeof placeOrderInputSchema>): Promise<OrderDoc> {
  const { platform } = ctx
  const now = platform.clock.now()
  const communityId = input.communityId ?? (await communityOf(platform, input.householdId))
  const reserves = !!hooksFor(ctx.platform, input.type).reserve
  const doc: OrderDoc = {
    _id: orderId,
    type: input.type,
    communityId,
    householdId: input.householdId,
    payerOpenid: input.payerOpenid,
    title: input.title ?? titleOf(input.lines),
    lines: input.lines,
    amountFen: input.amountFen,
    status: 'created',
    listed: !reserves,
    reservation: reserves ? 'pending' : 'none',
    paidFen: 0,
    refundedFen: 0,
    pendingRefundFen: 0,
    resumeStatus: null,
    payment: null,
    prepay: null,
    attributedStewardOpenid: input.attributedStewardOpenid,
    history: [historyEntry(null, 'created', now, 'resident')],
    requestHash,
    ...(input.offerId ? { offerId: input.offerId } : {}),
    createdAt: now,
    updatedAt: now,
    expiresAt: new Date(now.getTime() + UNPAID_TTL_MS),
  }
  for (let attempt = 0; ; attempt++) {
    const numbered = { ...doc, orderNo: orderNoFor(orderId, now, attempt) }
    try {
      must(await platform.db.collection(ORDER_COLLECTIONS.orders).add(numbered))
      return numbered
    } catch (e) {
      if (!isDuplicateKey(e)) throw e
      // The same request racing itself (double tap on two connections): the other one created it.
      const existing = await loadOrder(platform, orderId)
      if (existing) return existing
      // Otherwise another order of the same day holds this number: draw the next one.
      if (attempt + 1 >= ORDER_NO_ATTEMPTS) throw e
    }
  }
}

/**
 * Runs the type's reserve hook for a draft, opens its payment, then lists it with the prepay in one write
 * (a flash sale's every winner saves a write; the prepay is opened only once the stock is held, so a
 * refused attempt never reaches the provider). A refusal (DomainError: sold out…) deletes the draft; any
 * other failure — the provider included — leaves it for the retry or the expiry timer (which releases),
 * never half-listed.
 */
async function finishReservation(ctx: OrderHookContext, order: OrderDoc): Promise<OrderDoc> {
  const db = ctx.platform.db
  const coll = db.collection(ORDER_COLLECTIONS.orders)
  try {
    await hooksFor(ctx.platform, order.type).reserve?.(ctx, order)
  } catch (e) {
    if (e instanceof DomainError) must(await coll.where({ _id: order._id, status: 'created', reservation: 'pending' }).remove())
    throw e
  }
  const prepay = order.prepay ?? (await issuePrepay(ctx.platform, order))
  const listed = { reservation: 'held' as const, listed: true, prepay, updatedAt: ctx.platform.clock.now() }
  const res = must(await coll.where({ _id: order._id, status: 'created', reservation: 'pending' }).update({ ...listed, prepay: db.command.set(prepay) }))
  if (res.updated === 1) return { ...order, ...listed }
  // The expiry timer closed the draft meanwhile (a retry after 15 min).
  const fresh = await loadOrder(ctx.platform, order._id)
  if (!fresh || fresh.status === 'cancelled') throw new DomainError('ORDER.EXPIRED', ORDER_ERROR_MESSAGES['ORDER.EXPIRED'])
  return fresh
}

async function communityOf(platform: Platform, householdId: string): Promise<string> {
  const h = (must(await platform.db.collection(COLLECTIONS.households).doc(householdId).get()).data as HouseholdDoc[])[0]
  if (!h) throw new DomainError('NOT_FOUND', '房屋不存在')
  return h.communityId
}

function titleOf(lines: { title: string }[]): string {
  const first = lines[0].title
  const text = lines.length > 1 ? `${first} 等${lines.length}项` : first
  return text.slice(0, 60)
}
