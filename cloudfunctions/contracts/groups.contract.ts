import { z } from 'zod'
import { defineContract, mutation, query } from './envelope'
import { idSchema, isoDateTimeSchema } from './common.schemas'

/** Who a group is for. "all" is every resident (owners, family, tenants); merchants have their own groups. */
export const groupKindSchema = z.enum(['owners', 'tenants', 'merchants', 'all'])
/** How a person is classified when they ask to join. */
export const groupIdentitySchema = z.enum(['owner', 'family', 'tenant', 'merchant'])
export const groupStageSchema = z.enum(['strong', 'daily', 'weak'])
export const codeStatusSchema = z.enum(['live', 'expiring', 'expired', 'none'])

/** A fileID of cloud storage (cloud://…) or of the local file store; never a data URL. */
const fileIdSchema = z.string().min(3).max(512).regex(/^[^\s]+$/, 'fileID 格式不正确')
/** What wx.getGroupEnterInfo gives the mini-program; resolved to an openGId on the server only. */
const cloudIdSchema = z.string().min(1).max(1024)

/** A group's QR code as a viewer may see it: the file only while it is live. */
export const codeViewSchema = z.object({
  status: codeStatusSchema,
  savedAt: isoDateTimeSchema.nullable(),
  expiresAt: isoDateTimeSchema.nullable(),
  fileId: z.string().nullable(),
  /** Displayable address: a temp URL when a storage port is configured, else the fileID itself. */
  url: z.string().nullable(),
})

export const groupViewSchema = z.object({
  id: idSchema,
  communityId: idSchema,
  name: z.string(),
  kind: groupKindSchema,
  kindLabel: z.string(),
  buildingIds: z.array(idSchema),
  buildingsLabel: z.string(),
  capacity: z.number().int(),
  memberCount: z.number().int(),
  seatsLeft: z.number().int(),
  stage: groupStageSchema,
  stageLabel: z.string(),
  /** Decayed activity score (card opens, orders, joins), one decimal. */
  score: z.number(),
  silent: z.boolean(),
  openGIdBound: z.boolean(),
  status: z.enum(['active', 'archived']),
  code: codeViewSchema,
  createdAt: isoDateTimeSchema,
})

const groupSummarySchema = groupViewSchema.pick({ id: true, name: true, kind: true, kindLabel: true, buildingsLabel: true })

export const joinOutput = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('assigned'),
    identity: groupIdentitySchema,
    group: groupSummarySchema,
    /** Null only for someone already in the group while its code is being renewed (never an expired code). */
    qr: z.object({ fileId: z.string(), url: z.string(), expiresAt: isoDateTimeSchema }).nullable(),
    welcome: z.string(),
    rules: z.array(z.string()),
    /** True when the resident was already given this group earlier (no new assignment). */
    alreadyAssigned: z.boolean(),
    joined: z.boolean(),
  }),
  z.object({
    outcome: z.literal('unavailable'),
    identity: groupIdentitySchema,
    reason: z.enum(['no_group', 'all_full', 'no_live_code']),
    message: z.string(),
    stewardNotified: z.boolean(),
  }),
])

export const membershipViewSchema = z.object({
  group: groupSummarySchema,
  status: z.enum(['assigned', 'joined']),
  joinedAt: isoDateTimeSchema.nullable(),
  qr: codeViewSchema,
  rules: z.array(z.string()),
})

export const starterTaskSchema = z.object({ day: z.number().int().min(1).max(7), title: z.string(), text: z.string() })
export const autoReplySchema = z.object({ keyword: z.string(), answer: z.string() })

export const playbookOutput = z.object({
  kind: groupKindSchema,
  welcome: z.string(),
  rules: z.array(z.string()),
  starterPlan: z.array(starterTaskSchema),
  autoReplies: z.array(autoReplySchema),
  /** Day 1–7 of the group's starter programme today, or null once it is over. */
  today: z.number().int().nullable(),
})

export const taskSchema = z.object({
  id: z.string(),
  type: z.enum(['starter_post', 'code_expiring', 'code_expired', 'no_group', 'silent_group']),
  groupId: idSchema.nullable(),
  groupName: z.string().nullable(),
  title: z.string(),
  text: z.string(),
  /** Alerts can be acknowledged; computed tasks disappear on their own. */
  ackable: z.boolean(),
})

const scopeInput = z.object({ communityId: idSchema.optional() }).strict()

export const groupsContract = defineContract('groups', {
  // ---- steward / ops: the registry ----
  createGroup: mutation(
    z
      .object({
        communityId: idSchema,
        name: z.string().trim().min(2, '群名称至少 2 个字').max(40, '群名称最多 40 个字'),
        kind: groupKindSchema,
        /** Empty = the whole community. */
        buildingIds: z.array(idSchema).max(50).default([]),
        capacity: z.number().int().min(10).max(500).default(200),
        /** Ops may put another steward in charge; stewards always create their own groups. */
        stewardOpenid: z.string().regex(/^[A-Za-z0-9_-]{3,64}$/).optional(),
      })
      .strict(),
    groupViewSchema,
  ),
  updateGroup: mutation(
    z
      .object({
        groupId: idSchema,
        name: z.string().trim().min(2).max(40).optional(),
        capacity: z.number().int().min(10).max(500).optional(),
        /** The steward corrects the head count shown in WeChat. */
        memberCount: z.number().int().min(0).max(500).optional(),
        status: z.enum(['active', 'archived']).optional(),
      })
      .strict(),
    groupViewSchema,
  ),
  myGroups: query(scopeInput, z.object({ groups: z.array(groupViewSchema) })),
  /** Binds the WeChat group the card was opened in (cloudID from getGroupEnterInfo) to a group record. */
  bindGroup: mutation(z.object({ groupId: idSchema, cloudID: cloudIdSchema }).strict(), groupViewSchema),
  uploadCode: mutation(
    z.object({ groupId: idSchema, fileId: fileIdSchema, savedAt: isoDateTimeSchema }).strict(),
    groupViewSchema,
  ),
  todayTasks: query(scopeInput, z.object({ date: z.string(), tasks: z.array(taskSchema) })),
  ackTask: mutation(z.object({ taskId: idSchema }).strict(), z.object({ acked: z.boolean() })),
  playbook: query(z.object({ groupId: idSchema }).strict(), playbookOutput),
  searchReplies: query(
    z.object({ communityId: idSchema.optional(), kind: groupKindSchema.optional(), keyword: z.string().trim().min(1).max(20) }).strict(),
    z.object({ results: z.array(autoReplySchema.extend({ kind: groupKindSchema })) }),
  ),
  /** Members of a silent group still active elsewhere, with the live group to move them to. */
  membersToMove: query(
    z.object({ groupId: idSchema }).strict(),
    z.object({
      members: z.array(z.object({ label: z.string(), identity: groupIdentitySchema.nullable(), lastActiveAt: isoDateTimeSchema })),
      target: groupSummarySchema.nullable(),
    }),
  ),
  /** A one-time code (7 days) the steward gives a shop owner so their WeChat is known as a merchant. */
  inviteMerchant: mutation(
    z.object({ communityId: idSchema, shopName: z.string().trim().min(2).max(30), buildingId: idSchema.optional() }).strict(),
    z.object({ code: z.string(), expiresAt: isoDateTimeSchema }),
  ),
  // ---- residents ----
  claimMerchant: mutation(
    z.object({ code: z.string().trim().regex(/^[A-Z0-9]{8}$/, '邀请码为 8 位字母数字') }).strict(),
    z.object({ communityId: idSchema, shopName: z.string() }),
  ),
  join: mutation(z.object({ householdId: idSchema.optional(), kind: groupKindSchema.optional() }).strict(), joinOutput),
  confirmJoined: mutation(z.object({ groupId: idSchema }).strict(), z.object({ joined: z.literal(true), memberCount: z.number().int() })),
  myMemberships: query(z.object({}).strict(), z.object({ memberships: z.array(membershipViewSchema) })),
  /** A card opened inside a WeChat group: remember which group this person is in. */
  recordEntry: mutation(
    z.object({ cloudID: cloudIdSchema }).strict(),
    z.object({ recognized: z.boolean(), group: groupSummarySchema.nullable() }),
  ),
},
  {
    audience: {
      createGroup: ['steward', 'ops'],
      updateGroup: ['steward', 'ops'],
      myGroups: ['steward', 'ops'],
      bindGroup: ['steward', 'ops'],
      uploadCode: ['steward', 'ops'],
      todayTasks: ['steward', 'ops'],
      ackTask: ['steward'],
      playbook: ['steward', 'ops'],
      searchReplies: ['steward', 'ops'],
      membersToMove: ['steward', 'ops'],
      inviteMerchant: ['steward', 'ops'],
      claimMerchant: ['user'],
      join: ['user'],
      confirmJoined: ['user'],
      myMemberships: ['user'],
      recordEntry: ['user'],
    },
    errors: {
      createGroup: ['GROUP.BUILDING_UNKNOWN', 'GROUP.STEWARD_UNKNOWN'],
      updateGroup: [],
      myGroups: [],
      bindGroup: ['GROUP.CARD_UNVERIFIED', 'GROUP.OPENGID_TAKEN'],
      uploadCode: ['FILE.NOT_FOUND', 'FILE.TOO_LARGE', 'FILE.TOO_MANY', 'FILE.TYPE_NOT_ALLOWED', 'GROUP.CODE_DATE_INVALID', 'GROUP.CODE_EXPIRED'],
      todayTasks: [],
      ackTask: [],
      playbook: [],
      searchReplies: [],
      membersToMove: [],
      inviteMerchant: ['GROUP.BUILDING_UNKNOWN'],
      claimMerchant: ['GROUP.INVITE_INVALID'],
      join: ['GROUP.KIND_NOT_ALLOWED', 'GROUP.NOT_VERIFIED'],
      confirmJoined: ['GROUP.NOT_ASSIGNED'],
      myMemberships: [],
      recordEntry: [],
    },
  },
)

export type GroupKind = z.infer<typeof groupKindSchema>
export type GroupIdentity = z.infer<typeof groupIdentitySchema>
export type GroupStage = z.infer<typeof groupStageSchema>
export type GroupView = z.infer<typeof groupViewSchema>
export type CodeView = z.infer<typeof codeViewSchema>
export type JoinOutput = z.infer<typeof joinOutput>
export type MembershipView = z.infer<typeof membershipViewSchema>
export type PlaybookOutput = z.infer<typeof playbookOutput>
export type StewardTask = z.infer<typeof taskSchema>
