import { z } from 'zod'
import { mutation, query } from './envelope'
import { fenSchema, idSchema, isoDateTimeSchema } from './common.schemas'
import { campaignModeSchema, campaignOutcomeSchema, campaignStatusSchema } from './groupbuy-enums.schemas'
import { createCampaignInput } from './ops-groupbuy.schemas'

export const managedCampaignSchema = z.object({
  campaignId: idSchema,
  communityId: idSchema,
  title: z.string(),
  mode: campaignModeSchema,
  status: campaignStatusSchema,
  outcome: campaignOutcomeSchema.nullable(),
  deadline: isoDateTimeSchema,
  pickupPoint: z.string(),
  participants: z.number().int().nonnegative(),
  minParticipants: z.number().int().positive(),
  soldUnits: z.number().int().nonnegative(),
  /** Open and before the deadline: may be extended or closed early. */
  changeable: z.boolean(),
})

export const campaignChangeSchema = z.object({
  kind: z.enum(['created', 'extended', 'closed_early', 'published']),
  by: z.string(),
  /** Who made the change as colleagues know them (the staff name), 'console' for ops events. */
  byName: z.string(),
  reason: z.string(),
  summary: z.string(),
  at: isoDateTimeSchema,
})

export const campaignTemplateSchema = z.object({
  key: z.string(),
  label: z.string(),
  title: z.string(),
  description: z.string(),
  minParticipants: z.number().int().positive(),
  pickupPoint: z.string(),
  skus: z.array(z.object({ title: z.string(), priceFen: fenSchema, originalPriceFen: fenSchema.optional(), stock: z.number().int(), limitPerHousehold: z.number().int(), spec: z.string(), origin: z.string() })),
})

const reasonSchema = z.string().trim().min(2, '请填写原因（至少 2 个字）').max(100)

/** Campaign management from the mini-program, for ops and stewards of the campaign's community. */
export const groupbuyManageActions = {
  manageCampaigns: query(z.object({}).strict(), z.object({ items: z.array(managedCampaignSchema) })),
  campaignTemplates: query(z.object({}).strict(), z.object({ templates: z.array(campaignTemplateSchema) })),
  createCampaign: mutation(createCampaignInput, z.object({ campaignId: idSchema, status: campaignStatusSchema })),
  /** A later deadline (and the pickup window moved with it when it would start before the new deadline). */
  extendCampaign: mutation(
    z.object({ campaignId: idSchema, deadline: isoDateTimeSchema, pickup: z.object({ startsAt: isoDateTimeSchema, endsAt: isoDateTimeSchema }).strict().optional(), reason: reasonSchema }).strict(),
    managedCampaignSchema,
  ),
  /** Ends ordering now; the closing job decides formed / not formed as at a normal deadline. */
  closeCampaign: mutation(z.object({ campaignId: idSchema, reason: reasonSchema }).strict(), managedCampaignSchema),
  campaignChanges: query(z.object({ campaignId: idSchema }).strict(), z.object({ changes: z.array(campaignChangeSchema) })),
}

export type ManagedCampaign = z.infer<typeof managedCampaignSchema>
export type CampaignChange = z.infer<typeof campaignChangeSchema>
export type CampaignTemplate = z.infer<typeof campaignTemplateSchema>
