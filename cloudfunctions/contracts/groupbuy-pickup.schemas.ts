import { z } from 'zod'
import { mutation, query } from './envelope'
import { fenSchema, idSchema, isoDateTimeSchema } from './common.schemas'

export const entryLineSchema = z.object({ skuId: idSchema, title: z.string(), quantity: z.number().int().positive(), unitPriceFen: fenSchema })
/** A line at the pickup point: ordered, already handed over, still to hand over. */
export const pickLineSchema = entryLineSchema.extend({ picked: z.number().int().nonnegative(), left: z.number().int().nonnegative() })

/** 8 digits; spaces are tolerated and the QR payload "GB:<code>" is accepted as scanned. */
export const pickupCodeInputSchema = z
  .string()
  .trim()
  .transform((s) => s.replace(/^GB:/i, '').replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^\d{8}$/, '提货码为 8 位数字'))

/**
 * What the steward sees after scanning or typing a code, before anything is handed over: whose order
 * (household, masked contact) and what is in it. A mistyped code that happens to be another order's shows
 * that other order here, so the steward notices before confirming.
 */
export const pickupPreviewSchema = z.object({
  orderId: idSchema,
  code: z.string(),
  campaignTitle: z.string(),
  householdLabel: z.string(),
  /** "王* · 尾号 0101": enough to ask "are you…?", not to identify. */
  contact: z.string(),
  pickupPoint: z.string(),
  lines: z.array(pickLineSchema),
  amountFen: fenSchema,
  status: z.enum(['ready', 'partly_picked', 'picked_up']),
  /** The latest handover, undoable by the one who made it while `undoUntil` is ahead. */
  lastRedemption: z.object({ redemptionId: idSchema, at: isoDateTimeSchema, undoUntil: isoDateTimeSchema, mine: z.boolean() }).nullable(),
})

export const redeemResultSchema = pickupPreviewSchema.extend({
  redemptionId: idSchema,
  handedOver: z.array(z.object({ skuId: idSchema, title: z.string(), quantity: z.number().int().positive() })),
  pickedUpAt: isoDateTimeSchema,
})

export const todayEntrySchema = z.object({
  orderId: idSchema,
  householdLabel: z.string(),
  contact: z.string(),
  lines: z.array(pickLineSchema),
  status: z.enum(['ready', 'partly_picked', 'picked_up']),
})

export const todayPickupsSchema = z.object({
  /** The business day, Asia/Shanghai ("2026-12-03"). */
  day: z.string(),
  points: z.array(
    z.object({
      point: z.string(),
      campaigns: z.array(z.object({ campaignId: idSchema, title: z.string(), window: z.object({ startsAt: isoDateTimeSchema, endsAt: isoDateTimeSchema }) })),
      waiting: z.number().int().nonnegative(),
      done: z.number().int().nonnegative(),
      entries: z.array(todayEntrySchema),
    }),
  ),
})

const pickItemsSchema = z
  .array(z.object({ skuId: idSchema, quantity: z.number().int().min(1).max(99) }).strict())
  .min(1)
  .max(20)
  .refine((items) => new Set(items.map((i) => i.skuId)).size === items.length, '同一商品请合并数量')

/** The steward's side of pickup (steward or ops of the campaign's community). */
export const groupbuyPickupActions = {
  /** Read only: the order behind a code. */
  pickupLookup: query(z.object({ code: pickupCodeInputSchema }).strict(), pickupPreviewSchema),
  /**
   * Hands over goods. Without `items`, everything still to hand over; with them, only those units (partial
   * pickup). `orderId` must be the order the steward was shown, so a code that changed meanwhile is refused.
   */
  redeemPickup: mutation(z.object({ code: pickupCodeInputSchema, orderId: idSchema.optional(), items: pickItemsSchema.optional() }).strict(), redeemResultSchema),
  /** Takes back the latest handover of an order, by its steward, within the undo window. */
  undoPickup: mutation(z.object({ redemptionId: idSchema }).strict(), pickupPreviewSchema),
  /** 今日待提: orders awaiting pickup today, grouped by pickup point, for the communities the caller works in. */
  todayPickups: query(z.object({ point: z.string().max(60).optional() }).strict(), todayPickupsSchema),
}

export type PickLine = z.infer<typeof pickLineSchema>
export type PickupPreview = z.infer<typeof pickupPreviewSchema>
export type TodayPickups = z.infer<typeof todayPickupsSchema>
