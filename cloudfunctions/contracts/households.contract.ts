import { z } from 'zod'
import { codesOf } from './errors'
import { HOUSEHOLD_ERROR_MESSAGES } from './errors/households'
import { defineContract, query } from './envelope'
import { idSchema, isoDateTimeSchema, roleSchema } from './common.schemas'
import { householdSummarySchema } from './households-common.schemas'
import { householdsBindingActions } from './households-binding.schemas'
import { householdsMembersActions } from './households-members.schemas'
import { householdsStewardActions } from './households-steward.schemas'

export { householdSummarySchema } from './households-common.schemas'
export { HOUSEHOLD_ERROR_MESSAGES, type HouseholdErrorCode } from './errors/households'

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
  ...householdsBindingActions,
  ...householdsMembersActions,
  ...householdsStewardActions,
},
  {
    audience: {
      me: ['user'],
      notices: ['member', 'steward', 'technician', 'ops'],
      listCommunities: ['user'],
      listBuildings: ['user'],
      listUnits: ['user'],
      listRooms: ['user'],
      bind: ['user'],
      createInvite: ['member', 'ops'],
      inviteInfo: ['user'],
      acceptInvite: ['user'],
      members: ['member', 'steward', 'ops'],
      approveMember: ['member', 'ops'],
      removeMember: ['member', 'ops'],
      switchHousehold: ['member'],
      householdDetail: ['member', 'steward', 'ops'],
      stewardGrid: ['steward'],
      stewardHouseholds: ['steward', 'ops'],
    },
    errors: [...codesOf(HOUSEHOLD_ERROR_MESSAGES)],
  },
)

export type MeOutput = z.infer<typeof meOutput>
export type HouseholdSummary = z.infer<typeof householdSummarySchema>
