import { createHash } from 'node:crypto'

/**
 * Ids derived from natural keys. Two concurrent writers of "the same thing" (a household row imported
 * twice, one openid binding one household twice) then collide on _id, which the database refuses,
 * instead of creating look-alike duplicates.
 */
export function stableId(prefix: string, ...parts: string[]): string {
  return `${prefix}_${createHash('sha256').update(parts.join('\u0001')).digest('hex').slice(0, 24)}`
}

export const buildingIdFor = (communityId: string, name: string) => stableId('b', communityId, name)
export const householdIdFor = (communityId: string, building: string, unit: string, room: string) => stableId('h', communityId, building, unit, room)
export const memberIdFor = (householdId: string, openid: string) => stableId('m', householdId, openid)
export const staffIdFor = (communityId: string, openid: string, role: string) => stableId('s', communityId, openid, role)
export const gridIdFor = (communityId: string, stewardOpenid: string) => stableId('g', communityId, stewardOpenid)
