import { z } from 'zod'
import { idSchema, memberRoleSchema } from './common.schemas'

/** A household as a member sees it; never carries the owner's name or phone. */
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

/** WeChat OPENIDs as CloudBase reports them (and the dev personas' ids). */
export const openidSchema = z.string().regex(/^[A-Za-z0-9_-]{3,64}$/, 'openid 格式不正确')

/** Mainland mobile, spaces, dashes and +86 tolerated; only the normalised 11 digits go further. */
export const phoneInputSchema = z
  .string()
  .transform((s) => s.replace(/[\s-]/g, '').replace(/^\+?86/, ''))
  .pipe(z.string().regex(/^1[3-9]\d{9}$/, '手机号格式不正确'))

/** Invite codes: 8 characters from an alphabet without look-alikes (no 0/O, 1/I). */
export const inviteCodeSchema = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .pipe(z.string().regex(/^[A-HJ-NP-Z2-9]{8}$/, '邀请码格式不正确'))

/** A share of bound households, 0–1, rounded to 4 places. */
export const ratioSchema = z.number().min(0).max(1)
