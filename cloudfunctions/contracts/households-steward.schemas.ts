import { z } from 'zod'
import { query } from './envelope'
import { idSchema, pageSchema } from './common.schemas'
import { ratioSchema } from './households-common.schemas'

const penetrationSchema = z.object({ households: z.number().int(), boundHouseholds: z.number().int(), penetration: ratioSchema })

export const gridSchema = z.object({
  communityId: idSchema,
  communityName: z.string(),
  buildings: z.array(penetrationSchema.extend({ buildingId: idSchema, name: z.string() })),
  totals: penetrationSchema,
})

/** The steward's own grid: buildings, who is bound, penetration (渗透率 = bound / households). */
export const householdsStewardActions = {
  stewardGrid: query(z.object({}).strict(), z.object({ grids: z.array(gridSchema) })),
  stewardHouseholds: query(
    pageSchema.extend({ buildingId: idSchema }).strict(),
    z.object({
      items: z.array(
        z.object({
          householdId: idSchema,
          unit: z.string(),
          room: z.string(),
          areaM2: z.number(),
          ownerNameMasked: z.string(),
          ownerPhoneLast4: z.string(),
          bound: z.boolean(),
          activeMembers: z.number().int(),
        }),
      ),
      total: z.number().int(),
      hasMore: z.boolean(),
    }),
  ),
}

export type StewardGrid = z.infer<typeof gridSchema>
