import { z } from 'zod'
import { defineContract, mutation, query } from './envelope'
import { idSchema, isoDateTimeSchema, pageSchema } from './common.schemas'


/** Why an attempt was refused, as stored in the access log. Readers use the first eight offline. */
export const refusalReasonSchema = z.enum([
  'MALFORMED',
  'WRONG_COMMUNITY',
  'UNKNOWN_KEY',
  'BAD_SIGNATURE',
  'NOT_YET_VALID',
  'EXPIRED',
  'OUT_OF_SCOPE',
  'REPLAYED',
  'HOLDER_REVOKED',
  'PASS_REVOKED',
  'PASS_EXPIRED',
  'PASS_NOT_STARTED',
  'PASS_USED_UP',
  'RATE_LIMITED',
  'GATEWAY_ERROR',
])

export const REFUSAL_LABELS: Record<z.infer<typeof refusalReasonSchema>, string> = {
  MALFORMED: '无法识别的二维码',
  WRONG_COMMUNITY: '非本小区通行码',
  UNKNOWN_KEY: '通行码密钥已失效',
  BAD_SIGNATURE: '通行码签名无效',
  NOT_YET_VALID: '通行码时间异常',
  EXPIRED: '通行码已过期',
  OUT_OF_SCOPE: '无此门权限',
  REPLAYED: '通行码已在其他门使用',
  HOLDER_REVOKED: '住户已解绑',
  PASS_REVOKED: '访客证已撤销',
  PASS_EXPIRED: '访客证已过期',
  PASS_NOT_STARTED: '访客证未生效',
  PASS_USED_UP: '访客证次数已用完',
  RATE_LIMITED: '操作太频繁',
  GATEWAY_ERROR: '门禁设备无响应',
}

export const doorSchema = z.object({ doorId: idSchema, name: z.string(), kind: z.enum(['gate', 'unit']) })

export const passCodeOutput = z.object({
  /** base64url; render as a QR code (byte mode). */
  code: z.string(),
  issuedAt: isoDateTimeSchema,
  expiresAt: isoDateTimeSchema,
  ttlSeconds: z.number().int(),
  /** Ask for the next code after this many seconds, well before expiry. */
  refreshInSeconds: z.number().int(),
})

export const visitorPassStatusSchema = z.enum(['active', 'not_started', 'expired', 'used_up', 'revoked'])

export const visitorPassSchema = z.object({
  passId: idSchema,
  visitorName: z.string(),
  householdId: idSchema,
  doors: z.array(doorSchema),
  startsAt: isoDateTimeSchema,
  endsAt: isoDateTimeSchema,
  maxUses: z.number().int(),
  usedCount: z.number().int(),
  status: visitorPassStatusSchema,
  /** Goes into the share card path with passId; only members of the issuing household see it. */
  shareToken: z.string(),
  createdAt: isoDateTimeSchema,
})

/** What a visitor sees: no room number, no token, nothing about the household beyond the building. */
export const visitorViewSchema = visitorPassSchema.omit({ householdId: true, shareToken: true, createdAt: true }).extend({
  communityName: z.string(),
  hostLabel: z.string(),
})

export const logEntrySchema = z.object({
  id: idSchema,
  at: isoDateTimeSchema,
  doorId: z.string().nullable(),
  doorName: z.string(),
  channel: z.enum(['remote', 'visitor_remote', 'reader']),
  subject: z.enum(['resident', 'visitor', 'unknown']),
  householdId: z.string().nullable(),
  visitorPassId: z.string().nullable(),
  result: z.enum(['allowed', 'refused']),
  reason: refusalReasonSchema.nullable(),
})

const householdPick = z.object({ householdId: idSchema.optional() }).strict()
const visitorKey = { passId: idSchema, token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, '链接无效') }
const logPage = z.object({ items: z.array(logEntrySchema), hasMore: z.boolean() })

export const MAX_VISITOR_WINDOW_MS = 24 * 3600_000

export const createVisitorPassInput = z
  .object({
    householdId: idSchema.optional(),
    visitorName: z.string().trim().min(1, '请填写访客姓名').max(20, '访客姓名最多 20 个字'),
    startsAt: isoDateTimeSchema,
    endsAt: isoDateTimeSchema,
    maxUses: z.number().int().min(1, '至少 1 次').max(20, '最多 20 次'),
    doorIds: z.array(idSchema).min(1, '至少选择一扇门').max(16),
  })
  .strict()
  .refine((v) => Date.parse(v.endsAt) > Date.parse(v.startsAt), { message: '结束时间须晚于开始时间', path: ['endsAt'] })
  .refine((v) => Date.parse(v.endsAt) - Date.parse(v.startsAt) <= MAX_VISITOR_WINDOW_MS, { message: '访客通行时间最长 24 小时', path: ['endsAt'] })

export const accessContract = defineContract('access', {
  /** Doors the caller may open for one of their households (the first one when none is given). */
  myDoors: query(householdPick, z.object({ householdId: idSchema, communityId: idSchema, doors: z.array(doorSchema) })),
  /** A fresh ~30 s signed pass for the QR; signing only, nothing is written. */
  issuePass: query(householdPick, passCodeOutput.extend({ householdId: idSchema })),
  /** 一键开门 through the vendor gateway; rate-limited per resident. */
  remoteOpen: mutation(
    z.object({ doorId: idSchema, householdId: idSchema.optional() }).strict(),
    z.object({ doorId: idSchema, doorName: z.string(), openedAt: isoDateTimeSchema }),
  ),
  createVisitorPass: mutation(createVisitorPassInput, visitorPassSchema),
  myVisitorPasses: query(pageSchema.extend({ householdId: idSchema.optional() }).strict(), z.object({ items: z.array(visitorPassSchema), hasMore: z.boolean() })),
  revokeVisitorPass: mutation(z.object({ passId: idSchema }).strict(), z.object({ passId: idSchema, status: visitorPassStatusSchema })),
  /** Opened from the share card by anyone holding the link; no binding needed. */
  visitorPass: query(z.object(visitorKey).strict(), visitorViewSchema),
  visitorCode: query(z.object(visitorKey).strict(), passCodeOutput),
  visitorOpen: mutation(
    z.object({ ...visitorKey, doorId: idSchema }).strict(),
    z.object({ doorId: idSchema, doorName: z.string(), openedAt: isoDateTimeSchema, usesLeft: z.number().int() }),
  ),
  myAccessLog: query(pageSchema.strict(), logPage),
  /** Ops: every attempt in their community. Also callable from the CloudBase console with a communityId. */
  accessLog: query(
    pageSchema.extend({ communityId: idSchema.optional(), result: z.enum(['allowed', 'refused']).optional() }).strict(),
    logPage,
  ),
  /** An online door controller asks the cloud: may this code open this door? Console/server callers only. */
  readerVerify: mutation(
    z.object({ doorId: idSchema, code: z.string().max(400) }).strict(),
    z.object({ allowed: z.boolean(), reason: refusalReasonSchema.nullable(), doorName: z.string() }),
  ),
},
  {
    // Residents' actions stay open to every user: the pages branch on ACCESS.NO_HOUSEHOLD ("请先绑定房屋").
    audience: {
      myDoors: ['user'],
      issuePass: ['user'],
      remoteOpen: ['user'],
      createVisitorPass: ['user'],
      myVisitorPasses: ['user'],
      revokeVisitorPass: ['user'],
      visitorPass: ['user'],
      visitorCode: ['user'],
      visitorOpen: ['user'],
      myAccessLog: ['user'],
      accessLog: ['ops', 'console'],
      readerVerify: ['console'],
    },
    errors: {
      myDoors: ['ACCESS.NO_HOUSEHOLD'],
      issuePass: ['ACCESS.NOT_CONFIGURED', 'ACCESS.NO_HOUSEHOLD'],
      remoteOpen: ['ACCESS.DOOR_OUT_OF_SCOPE', 'ACCESS.DOOR_UNAVAILABLE', 'ACCESS.NO_HOUSEHOLD'],
      createVisitorPass: ['ACCESS.DOOR_OUT_OF_SCOPE', 'ACCESS.NO_HOUSEHOLD', 'ACCESS.WINDOW_INVALID'],
      myVisitorPasses: ['ACCESS.NO_HOUSEHOLD'],
      revokeVisitorPass: [],
      visitorPass: [],
      visitorCode: ['ACCESS.NOT_CONFIGURED', 'ACCESS.PASS_EXPIRED', 'ACCESS.PASS_NOT_STARTED', 'ACCESS.PASS_REVOKED', 'ACCESS.PASS_USED_UP'],
      visitorOpen: ['ACCESS.DOOR_OUT_OF_SCOPE', 'ACCESS.DOOR_UNAVAILABLE', 'ACCESS.PASS_EXPIRED', 'ACCESS.PASS_NOT_STARTED', 'ACCESS.PASS_REVOKED', 'ACCESS.PASS_USED_UP'],
      myAccessLog: [],
      accessLog: [],
      readerVerify: ['ACCESS.PASS_EXPIRED', 'ACCESS.PASS_NOT_STARTED', 'ACCESS.PASS_REVOKED', 'ACCESS.PASS_USED_UP'],
    },
  },
)

export type AccessDoor = z.infer<typeof doorSchema>
export type VisitorPass = z.infer<typeof visitorPassSchema>
export type VisitorView = z.infer<typeof visitorViewSchema>
export type AccessLogEntry = z.infer<typeof logEntrySchema>
export type RefusalReasonCode = z.infer<typeof refusalReasonSchema>
