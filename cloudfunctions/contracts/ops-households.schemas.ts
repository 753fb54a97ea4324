import { z } from 'zod'
import { mutation, query } from './envelope'
import { idSchema, roleSchema } from './common.schemas'
import { openidSchema } from './households-common.schemas'

/** 10k rows of ~60 characters fit comfortably; a bigger file is split by building. */
export const MAX_IMPORT_CSV_CHARS = 2_000_000
export const MAX_IMPORT_ROWS = 20_000

const buildingRefs = z.array(z.string().trim().min(1).max(40)).max(200)

/** Registry, grids and staff: the households area's console events (docs/ops.md). */
export const opsHouseholdsActions = {
  upsertCommunity: mutation(
    z.object({ communityId: idSchema, name: z.string().trim().min(1).max(40), city: z.string().trim().max(20).optional() }).strict(),
    z.object({ communityId: idSchema, created: z.boolean() }),
  ),
  importHouseholds: mutation(
    z
      .object({
        communityId: idSchema,
        /** Columns: 楼栋, 单元, 房号, 面积, 业主姓名, 业主手机; an optional header line is skipped. */
        csv: z.string().min(1, 'csv 为空').max(MAX_IMPORT_CSV_CHARS, 'csv 过大，请按楼栋拆分导入'),
        /** Validate and count only; nothing is written. */
        dryRun: z.boolean().default(false),
      })
      .strict(),
    z.object({
      communityId: idSchema,
      dryRun: z.boolean(),
      rows: z.number().int(),
      created: z.number().int(),
      updated: z.number().int(),
      unchanged: z.number().int(),
      buildingsCreated: z.number().int(),
      rejected: z.array(z.object({ line: z.number().int(), reason: z.string() })),
    }),
  ),
  /** Sets the steward's grid to exactly these buildings (names like "3栋" or building ids). */
  assignGrid: mutation(
    z.object({ communityId: idSchema, stewardOpenid: openidSchema, buildings: buildingRefs }).strict(),
    z.object({ stewardOpenid: openidSchema, buildings: z.array(z.string()), released: z.array(z.string()) }),
  ),
  addStaff: mutation(
    z.object({ communityId: idSchema, openid: openidSchema, role: roleSchema, name: z.string().trim().min(1).max(20) }).strict(),
    z.object({ staffId: idSchema, created: z.boolean() }),
  ),
  /** A removed steward's buildings are released from the grid at once. */
  removeStaff: mutation(
    z.object({ communityId: idSchema, openid: openidSchema, role: roleSchema }).strict(),
    z.object({
      staffId: idSchema,
      releasedBuildings: z.array(z.string()),
      /** A removed technician's open tickets: moved to another technician, or put before the steward. */
      reassignedTickets: z.number().int().nonnegative(),
      flaggedTickets: z.number().int().nonnegative(),
    }),
  ),
  listStaff: query(
    z.object({ communityId: idSchema }).strict(),
    z.object({
      staff: z.array(z.object({ openid: z.string(), role: roleSchema, name: z.string(), buildings: z.array(z.string()) })),
    }),
  ),
  /** Unbinds a resident (e.g. after a sale); they lose the household's bills, doors and orders at once. */
  removeResident: mutation(
    z.object({ householdId: idSchema, memberId: idSchema }).strict(),
    z.object({ memberId: idSchema, status: z.literal('removed') }),
  ),
  /** First ops of a community: only an openid listed in BOOTSTRAP_OPS_OPENIDS, only while it has no ops. */
  bootstrapOps: mutation(
    z.object({ communityId: idSchema, name: z.string().trim().min(1).max(20) }).strict(),
    z.object({ staffId: idSchema }),
  ),
}

/** bootstrapOps needs a WeChat identity; every other households event may come from the console. */
export const OPS_HOUSEHOLDS_USER_ONLY = ['bootstrapOps'] as const
