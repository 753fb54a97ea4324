import { z } from 'zod'
import { mutation, query } from './envelope'
import { idSchema, isoDateTimeSchema, memberRoleSchema } from './common.schemas'
import { inviteCodeSchema } from './households-common.schemas'

const householdRef = z.object({ householdId: idSchema }).strict()
const memberRef = z.object({ householdId: idSchema, memberId: idSchema }).strict()

export const memberSchema = z.object({
  memberId: idSchema,
  role: memberRoleSchema,
  status: z.enum(['pending', 'active']),
  /** What the member asked to be called when accepting the invite ("王太太"); null for the owner. */
  nickname: z.string().nullable(),
  isMe: z.boolean(),
  joinedAt: isoDateTimeSchema,
})

/** Who besides the owner sees the whole household's tickets and orders (defaults: family yes, tenants no). */
export const householdSharingSchema = z.object({ family: z.boolean(), tenant: z.boolean() })

/** Invites, approval, removal and the current household. */
export const householdsMembersActions = {
  /** A one-time code valid 24 h, for a share card; only the owner (or ops) may invite. */
  createInvite: mutation(
    householdRef.extend({ role: z.enum(['family', 'tenant']) }).strict(),
    z.object({ code: z.string(), role: memberRoleSchema, expiresAt: isoDateTimeSchema, householdLabel: z.string(), sharePath: z.string() }),
  ),
  /** What the invite page shows before accepting. */
  inviteInfo: query(
    z.object({ code: inviteCodeSchema }).strict(),
    z.object({
      householdLabel: z.string(),
      role: memberRoleSchema,
      status: z.enum(['open', 'used', 'expired']),
      expiresAt: isoDateTimeSchema,
      alreadyMember: z.boolean(),
    }),
  ),
  /** Uses the code; the membership waits for the owner's approval. */
  acceptInvite: mutation(
    z.object({ code: inviteCodeSchema, nickname: z.string().trim().min(1).max(20).optional() }).strict(),
    z.object({ householdId: idSchema, householdLabel: z.string(), memberId: idSchema, status: z.literal('pending') }),
  ),
  members: query(
    householdRef,
    z.object({ householdId: idSchema, householdLabel: z.string(), canManage: z.boolean(), members: z.array(memberSchema), sharing: householdSharingSchema }),
  ),
  /** The owner decides whether family / tenants see the whole household's tickets and orders or only their own. */
  setSharing: mutation(householdRef.extend(householdSharingSchema.shape).strict(), z.object({ householdId: idSchema, sharing: householdSharingSchema })),
  approveMember: mutation(memberRef, z.object({ memberId: idSchema, status: z.literal('active') })),
  removeMember: mutation(memberRef, z.object({ memberId: idSchema, status: z.literal('removed') })),
  switchHousehold: mutation(householdRef, z.object({ currentHouseholdId: idSchema })),
  /** One household as a member, its steward or ops sees it; the owner only masked. */
  householdDetail: query(
    householdRef,
    z.object({
      householdId: idSchema,
      label: z.string(),
      areaM2: z.number(),
      ownerNameMasked: z.string(),
      ownerPhoneLast4: z.string(),
      activeMembers: z.number().int(),
      homeSteward: z.object({ name: z.string() }).nullable(),
    }),
  ),
}

export type Member = z.infer<typeof memberSchema>
export type HouseholdSharingView = z.infer<typeof householdSharingSchema>
