import type { MeOutput } from '@contracts/households.contract'

export const MEMBER_ROLE_LABEL = { owner: '业主', family: '家属', tenant: '租户' } as const
export const STAFF_ROLE_LABEL = { steward: '网格管家', technician: '维修师傅', ops: '物业运营', merchant: '商户' } as const

/** Who the caller is, in the words the header shows: staff name, else their role in the current home. */
export function displayName(me: MeOutput): string {
  if (me.staffName) return me.staffName
  const current = me.households.find((h) => h.householdId === me.currentHouseholdId)
  return current ? `${current.communityName}${MEMBER_ROLE_LABEL[current.role]}` : '微信用户'
}

/** Tags under the name: staff roles (with community) then the role in the current household. */
export function roleTags(me: MeOutput): string[] {
  const tags = me.roles.map((r) => `${STAFF_ROLE_LABEL[r.role]} · ${r.communityName}`)
  const current = me.households.find((h) => h.householdId === me.currentHouseholdId)
  if (current) tags.push(MEMBER_ROLE_LABEL[current.role])
  return tags
}

/** One character for the round avatar (WeChat avatars need user consent; a glyph needs none). */
export function avatarGlyph(me: MeOutput): string {
  if (me.staffName) return me.staffName.slice(0, 1)
  const current = me.households.find((h) => h.householdId === me.currentHouseholdId)
  return current ? MEMBER_ROLE_LABEL[current.role].slice(0, 1) : '我'
}
