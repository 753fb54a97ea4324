import { orderDisplayStatus, type DisplayStatus, type GroupbuyStatusFacts, type OrderPickup } from '../../contracts/orders.contract'
import { must } from '../kernel/db-result'
import type { OrderDoc, OrderHookContext, OrderTypeDetails } from '../orders'
import { iso } from './campaign-view'
import { GROUPBUY_COLLECTIONS, type CampaignDoc, type EntryDoc } from './groupbuy.model'
import { pickLines } from './pickup-lookup'

/** What the one order status model needs from a group-buy entry: its stage and how much was handed over. */
export function groupbuyStatusFacts(entry: Pick<EntryDoc, 'stage' | 'lines' | 'picked'>, campaign: Pick<CampaignDoc, 'outcome'> | undefined): GroupbuyStatusFacts {
  const lines = pickLines(entry)
  return {
    stage: entry.stage,
    pickedUnits: lines.reduce((n, l) => n + l.picked, 0),
    totalUnits: lines.reduce((n, l) => n + l.quantity, 0),
    outcome: campaign?.outcome ?? null,
  }
}

/** The pickup code is shown only once the group has formed (before that there is nothing to collect). */
export const codeVisible = (entry: Pick<EntryDoc, 'stage'>) => entry.stage === 'awaiting_pickup' || entry.stage === 'picked_up'

export function orderPickup(entry: EntryDoc, campaign: CampaignDoc): OrderPickup {
  return {
    point: campaign.pickup.point,
    startsAt: iso(campaign.pickup.startsAt),
    endsAt: iso(campaign.pickup.endsAt),
    code: codeVisible(entry) ? entry.pickupCode : null,
    lines: pickLines(entry).map((l) => ({ title: l.title, quantity: l.quantity, picked: l.picked, left: l.left })),
  }
}

/** The order core's `describe` hook for group buys: two reads for a page of orders, whatever its size. */
export async function describeGroupbuyOrders(ctx: OrderHookContext, orders: OrderDoc[]): Promise<Map<string, OrderTypeDetails>> {
  const out = new Map<string, OrderTypeDetails>()
  if (orders.length === 0) return out
  const db = ctx.platform.db
  const _ = db.command
  const entries = must(await db.collection(GROUPBUY_COLLECTIONS.entries).where({ _id: _.in(orders.map((o) => o._id)) }).limit(100).get()).data as EntryDoc[]
  if (entries.length === 0) return out
  const campaignIds = [...new Set(entries.map((e) => e.campaignId))]
  const campaigns = must(await db.collection(GROUPBUY_COLLECTIONS.campaigns).where({ _id: _.in(campaignIds) }).limit(100).get()).data as CampaignDoc[]
  const byId = new Map(campaigns.map((c) => [c._id, c]))
  for (const e of entries) {
    const c = byId.get(e.campaignId)
    out.set(e._id, { groupbuy: groupbuyStatusFacts(e, c), pickup: c ? orderPickup(e, c) : null })
  }
  return out
}

/** The order fields the status model reads (ask for them with ORDER_STATUS_FIELDS). */
export type OrderStatusPart = Pick<OrderDoc, '_id' | 'status' | 'history' | 'paidFen' | 'refundedFen'>
export const ORDER_STATUS_FIELDS = { status: true, history: true, paidFen: true, refundedFen: true } as const

/** The display status of a group-buy order: the same function the orders pages use, on the same facts. */
export function entryDisplay(entry: EntryDoc, campaign: CampaignDoc | undefined, order: OrderStatusPart | undefined): DisplayStatus {
  const facts = groupbuyStatusFacts(entry, campaign)
  if (!order) {
    // The order row is written before its entry, so this is a read between the two: go by the stage.
    const status = entry.stage === 'unpaid' ? 'created' : entry.stage === 'cancelled' ? 'cancelled' : 'paid'
    return orderDisplayStatus({ type: 'groupbuy', status, lastBy: null, paidFen: 0, refundedFen: 0, groupbuy: facts })
  }
  const last = order.history?.[order.history.length - 1]
  return orderDisplayStatus({ type: 'groupbuy', status: order.status, lastBy: last?.by ?? null, paidFen: order.paidFen, refundedFen: order.refundedFen, groupbuy: facts })
}
