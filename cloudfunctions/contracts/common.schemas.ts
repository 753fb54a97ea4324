import { z } from 'zod'

/** Document ids: what CloudBase generates (32 hex) or our own readable ids (seed, derived keys). */
export const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'id 格式不正确')
/** Money is integer fen, never floats. */
export const fenSchema = z.number().int('金额必须是整数（分）').nonnegative('金额不能为负').max(1_000_000_000, '金额过大')
export const isoDateTimeSchema = z.string().datetime({ offset: true })
export const roleSchema = z.enum(['steward', 'technician', 'ops', 'merchant'])
export const memberRoleSchema = z.enum(['owner', 'family', 'tenant'])
export const pageSchema = z.object({
  offset: z.number().int().min(0).max(100_000).default(0),
  limit: z.number().int().min(1).max(50).default(20),
})
