import { z } from 'zod'
import { defineContract, query } from './envelope'
import { idSchema, isoDateTimeSchema, memberRoleSchema, roleSchema } from './common.schemas'

export const householdSummarySchema = z.object({
  householdId: idSchema,
  communityId: idSchema,
  communityName: z.string(),
  building: z.string(),
  unit: z.string(),
  room: z.string(),
  /** "阳光花园 3栋2单元1202", ready to show. */
  label: z.string(),
  areaM2: z.number(),
  role: memberRoleSchema,
})

export const staffRoleSchema = z.object({ role: roleSchema, communityId: idSchema, communityName: z.string() })

export const meOutput = z.object({
  openid: z.string(),
  /** Display name of a staff member, or null for residents. */
  staffName: z.string().nullable(),
  roles: z.array(staffRoleSchema),
  households: z.array(householdSummarySchema),
  currentHouseholdId: idSchema.nullable(),
})

export const noticeSchema = z.object({
  id: idSchema,
  title: z.string(),
  body: z.string(),
  pinned: z.boolean(),
  publishedAt: isoDateTimeSchema,
})

export const householdsContract = defineContract('households', {
  /** Who am I: roles, bound households, the current one. */
  me: query(z.object({}).strict(), meOutput),
  /** Notices of a community: the caller's current community when none is given. */
  notices: query(
    z.object({ communityId: idSchema.optional() }).strict(),
    z.object({ community: z.object({ id: idSchema, name: z.string() }).nullable(), notices: z.array(noticeSchema) }),
  ),
})

export type MeOutput = z.infer<typeof meOutput>
export type HouseholdSummary = z.infer<typeof householdSummarySchema>
