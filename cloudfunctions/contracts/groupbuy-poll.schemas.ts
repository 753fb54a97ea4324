import { z } from 'zod'
import { mutation, query } from './envelope'
import { fenSchema, idSchema, isoDateTimeSchema } from './common.schemas'

export const pollStatusSchema = z.enum(['open', 'sourced', 'failed'])

export const pollViewSchema = z.object({
  pollId: idSchema,
  communityId: idSchema,
  title: z.string(),
  description: z.string(),
  spec: z.string(),
  imageUrl: z.string().nullable(),
  targetPriceFen: fenSchema,
  originalPriceFen: fenSchema.nullable(),
  targetHouseholds: z.number().int().positive(),
  households: z.number().int().nonnegative(),
  missing: z.number().int().nonnegative(),
  deadline: isoDateTimeSchema,
  status: pollStatusSchema,
  /** The campaign sourced once the threshold was reached; registered households pay there before `payBy`. */
  campaignId: idSchema.nullable(),
  payBy: isoDateTimeSchema.nullable(),
  myIntent: z.object({ householdId: idSchema, quantity: z.number().int().positive() }).nullable(),
  canRegister: z.boolean(),
  /** Staff only: intent → paid order conversion. */
  conversion: z.object({ intents: z.number().int(), paid: z.number().int(), rate: z.number() }).nullable(),
})

export const openPollInput = z
  .object({
    communityId: idSchema,
    title: z.string().trim().min(1).max(40),
    description: z.string().trim().max(500).default(''),
    spec: z.string().trim().max(40).default(''),
    image: z.string().min(1).max(300).optional(),
    targetPriceFen: fenSchema.min(1),
    originalPriceFen: fenSchema.optional(),
    targetHouseholds: z.number().int().min(2).max(10_000),
    limitPerHousehold: z.number().int().min(1).max(99).default(5),
    deadline: isoDateTimeSchema,
    /** Once sourced, registered households have this long to pay. */
    payWindowHours: z.number().int().min(1).max(72).default(24),
    pickup: z.object({ point: z.string().trim().min(1).max(60), startsAt: isoDateTimeSchema, endsAt: isoDateTimeSchema }).strict(),
  })
  .strict()

/** 严选 / 预售 demand polls: intent first, payment only once enough neighbours want it. */
export const groupbuyPollActions = {
  openPoll: mutation(openPollInput, z.object({ pollId: idSchema })),
  polls: query(z.object({ communityId: idSchema.optional() }).strict(), z.object({ items: z.array(pollViewSchema) })),
  poll: query(z.object({ pollId: idSchema }).strict(), z.object({ poll: pollViewSchema })),
  /** No payment: an intent to buy `quantity`; reaching the target sources the campaign and notifies everyone. */
  registerIntent: mutation(z.object({ pollId: idSchema, householdId: idSchema, quantity: z.number().int().min(1).max(99) }).strict(), z.object({ poll: pollViewSchema })),
  withdrawIntent: mutation(z.object({ pollId: idSchema, householdId: idSchema }).strict(), z.object({ poll: pollViewSchema })),
}

export type PollView = z.infer<typeof pollViewSchema>
export type OpenPollInput = z.infer<typeof openPollInput>
