import { z } from 'zod'

/** Kept apart from groupbuy.contract.ts so the per-topic schema files can use them without an import cycle. */
export const campaignModeSchema = z.enum(['stock', 'presale'])
export const campaignStatusSchema = z.enum(['draft', 'open', 'closing', 'closed'])
export const campaignOutcomeSchema = z.enum(['formed', 'failed'])
/**
 * Where a group-buy order stands, from the resident's side (docs/groupbuy.md has the diagram):
 * unpaid → paid → awaiting_pickup → picked_up; paid → refund_pending → refunded; unpaid → cancelled.
 * Kept here so the one order status model (order-status.schemas.ts) can read it without a cycle.
 */
export const entryStageSchema = z.enum(['unpaid', 'paid', 'awaiting_pickup', 'picked_up', 'refund_pending', 'refunded', 'cancelled'])
