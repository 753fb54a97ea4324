import { z } from 'zod'
import { mutation, query } from './envelope'
import { memberRoleSchema, idSchema } from './common.schemas'
import { householdSummarySchema, phoneInputSchema } from './households-common.schemas'

/** Pick community → building → unit → room, then prove ownership. */
export const householdsBindingActions = {
  listCommunities: query(
    z.object({ keyword: z.string().trim().max(20).optional() }).strict(),
    z.object({ communities: z.array(z.object({ id: idSchema, name: z.string(), city: z.string().nullable() })) }),
  ),
  listBuildings: query(
    z.object({ communityId: idSchema }).strict(),
    z.object({ buildings: z.array(z.object({ id: idSchema, name: z.string() })) }),
  ),
  listUnits: query(z.object({ buildingId: idSchema }).strict(), z.object({ units: z.array(z.string()) })),
  listRooms: query(
    z.object({ buildingId: idSchema, unit: z.string().trim().min(1).max(20) }).strict(),
    z.object({ rooms: z.array(z.object({ householdId: idSchema, room: z.string() })) }),
  ),
  /** Becomes the owner member of the household when name and phone match the registry. */
  /**
   * Proves the household with the registry's owner name + phone. `relation` 业主 binds as the owner at once;
   * 家属 / 租户 (who know the owner's details) ask to join under `name` and wait for the owner's approval.
   */
  bind: mutation(
    z
      .object({
        householdId: idSchema,
        ownerName: z.string().trim().min(1, '请填写业主姓名').max(30),
        phone: phoneInputSchema,
        relation: memberRoleSchema.default('owner'),
        name: z.string().trim().min(1, '请填写您的称呼').max(20).optional(),
      })
      .strict(),
    z.object({ household: householdSummarySchema, status: z.enum(['active', 'pending']) }),
  ),
  /**
   * Steward of the building or ops: lifts the household's binding back-off after checking the owner in
   * person (docs/security.md §5). Identities' own hourly limits are untouched.
   */
  clearBindLock: mutation(z.object({ householdId: idSchema }).strict(), z.object({ householdId: idSchema, cleared: z.boolean() })),
}
