import { z } from 'zod'
import { HOUSEHOLD_ERROR_MESSAGES } from './errors/households'
import { defineContract, query } from './envelope'
import { idSchema, isoDateTimeSchema, pageSchema, roleSchema } from './common.schemas'
import { householdSummarySchema } from './households-common.schemas'
import { householdsBindingActions } from './households-binding.schemas'
import { householdsMembersActions } from './households-members.schemas'
import { householdsStewardActions } from './households-steward.schemas'
import { householdsInboxActions } from './households-inbox.schemas'
import { householdsWorkbenchActions } from './households-workbench.schemas'

export { householdSummarySchema } from './households-common.schemas'
export type { InboxItem } from './households-inbox.schemas'
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
  /** Still pinned now (pinning ends with the event it announces). */
  pinned: z.boolean(),
  publishedAt: isoDateTimeSchema,
  /** "2栋" for a notice to some buildings only; null = the whole community. */
  scope: z.string().nullable(),
})

export const householdsContract = defineContract('households', {
  /** Who am I: roles, bound households, the current one. */
  me: query(z.object({}).strict(), meOutput),
  /** Notices of a community: the caller's current community when none is given. */
  notices: query(
    z.object({ communityId: idSchema.optional() }).extend(pageSchema.shape).strict(),
    z.object({ community: z.object({ id: idSchema, name: z.string() }).nullable(), items: z.array(noticeSchema), hasMore: z.boolean() }),
  ),
  /** One notice (detail page); another building's or community's notice is NOTICE.NOT_FOUND. */
  notice: query(z.object({ id: idSchema }).strict(), z.object({ notice: noticeSchema })),
  ...householdsBindingActions,
  ...householdsMembersActions,
  ...householdsStewardActions,
  ...householdsInboxActions,
  ...householdsWorkbenchActions,
},
  {
    audience: {
      me: ['user'],
      notices: ['member', 'steward', 'technician', 'ops'],
      notice: ['member', 'steward', 'technician', 'ops'],
      listCommunities: ['user'],
      listBuildings: ['user'],
      listUnits: ['user'],
      listRooms: ['user'],
      bind: ['user'],
      clearBindLock: ['steward', 'ops'],
      createInvite: ['member', 'ops'],
      inviteInfo: ['user'],
      acceptInvite: ['user'],
      members: ['member', 'steward', 'ops'],
      approveMember: ['member', 'ops'],
      setSharing: ['member'],
      removeMember: ['member', 'ops'],
      switchHousehold: ['member'],
      householdDetail: ['member', 'steward', 'ops'],
      stewardGrid: ['steward'],
      stewardHouseholds: ['steward', 'ops'],
      // 消息中心: everyone with an openid has one; it holds only messages sent to that openid.
      inbox: ['user'],
      inboxRead: ['user'],
      // Self-scoped: a board per staff role the caller holds, three nulls for residents.
      workbench: ['user'],
    },
    errors: {
      me: [],
      notices: [],
      notice: ['NOTICE.NOT_FOUND'],
      listCommunities: [],
      listBuildings: [],
      listUnits: [],
      listRooms: [],
      bind: ['BIND.ALREADY_MEMBER', 'BIND.OWNER_EXISTS', 'BIND.PROOF_MISMATCH', 'HOUSEHOLD.NOT_FOUND'],
      clearBindLock: ['HOUSEHOLD.NOT_FOUND'],
      createInvite: ['HOUSEHOLD.NOT_FOUND'],
      inviteInfo: ['HOUSEHOLD.NOT_FOUND', 'INVITE.NOT_FOUND'],
      acceptInvite: ['HOUSEHOLD.NOT_FOUND', 'INVITE.ALREADY_MEMBER', 'INVITE.EXPIRED', 'INVITE.NOT_FOUND', 'INVITE.USED'],
      members: ['HOUSEHOLD.NOT_FOUND'],
      approveMember: ['HOUSEHOLD.NOT_FOUND', 'MEMBER.NOT_FOUND', 'MEMBER.NOT_PENDING'],
      setSharing: ['HOUSEHOLD.NOT_FOUND'],
      removeMember: ['HOUSEHOLD.NOT_FOUND', 'MEMBER.CANNOT_REMOVE_OWNER', 'MEMBER.NOT_FOUND'],
      switchHousehold: ['HOUSEHOLD.NOT_FOUND'],
      householdDetail: ['HOUSEHOLD.NOT_FOUND'],
      workbench: ['ATTRIBUTION.NOT_A_STEWARD', 'FEE.BAD_PERIOD'],
      inbox: [],
      inboxRead: [],
      stewardGrid: [],
      stewardHouseholds: [],
    },
  },
)

export type MeOutput = z.infer<typeof meOutput>
export type HouseholdSummary = z.infer<typeof householdSummarySchema>
