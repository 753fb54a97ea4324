import { z } from 'zod'
import { idSchema, isoDateTimeSchema } from './common.schemas'

/*
 * The event card a resident sees, on its own: the home page (main package) reads events.list through
 * events-home.contract.ts with only these schemas, so the rest of the events contract (forms, costs,
 * ROI) stays in the events subpackage.
 */

/** 服务体验会 (a merchant or service shows its offer) and 社区活动 (the community's own events). */
export const eventKindSchema = z.enum(['experience', 'community'])
export const EVENT_KIND_LABELS: Record<z.infer<typeof eventKindSchema>, string> = { experience: '服务体验会', community: '社区活动' }

/** The business scenarios events and group buys are filed under (the profiles area reads the same words). */
export const eventCategorySchema = z.enum(['生鲜', '家电', '家政', '母婴', '宠物', '健康', '教育', '维修', '其他'])
export type EventCategory = z.infer<typeof eventCategorySchema>

/** waiting = on the waitlist (候补): promoted in order when a place frees or the limit grows. */
export const signupStatusSchema = z.enum(['none', 'signed', 'waiting', 'cancelled'])

export const eventBase = {
  eventId: idSchema,
  kind: eventKindSchema,
  title: z.string(),
  category: eventCategorySchema,
  venue: z.string(),
  description: z.string(),
  startsAt: isoDateTimeSchema,
  endsAt: isoDateTimeSchema,
  signupLimit: z.number().int(),
  signedUp: z.number().int(),
  /** Households on the waitlist (候补). */
  waiting: z.number().int(),
  /** Buildings whose households may join; empty = the whole community. */
  buildingNames: z.array(z.string()),
  status: z.enum(['open', 'cancelled']),
  /** upcoming (sign-up open) · signup_closed · live (check-in open) · ended · cancelled, as of the reply. */
  phase: z.enum(['upcoming', 'live', 'ended', 'cancelled']),
}

export const mySignupSchema = z.object({
  status: signupStatusSchema,
  householdId: idSchema.nullable(),
  /** 候补第 N 位 (1 = next to get a place); null unless waiting. */
  waitPosition: z.number().int().nullable(),
  /** The sign-up ended because the organiser cancelled the event. */
  cancelledByEvent: z.boolean(),
  checkInAt: isoDateTimeSchema.nullable(),
  checkOutAt: isoDateTimeSchema.nullable(),
  dwellMinutes: z.number().int().nullable(),
})

export const eventCardSchema = z.object({ ...eventBase, mine: mySignupSchema })
export type EventCard = z.infer<typeof eventCardSchema>


/** events.list, shared by the full contract and the home's (so the two cannot drift apart). */
export const eventListInput = z.object({ householdId: idSchema.optional() }).strict()
export const eventListOutput = z.object({ events: z.array(eventCardSchema) })
