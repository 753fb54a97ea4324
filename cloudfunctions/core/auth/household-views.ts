import type { CallerAccess } from './access.model'
import { can } from './authorize'

/**
 * For lists of a household's tickets and orders: the households whose records the caller sees in full
 * (`household.readAll`) and those where they see only what they themselves created or paid.
 */
export function householdViews(access: CallerAccess): { wide: string[]; ownOnly: string[] } {
  const wide: string[] = []
  const ownOnly: string[] = []
  for (const m of access.memberships) {
    const list = can(access, 'household.readAll', { communityId: m.communityId, householdId: m.householdId }) ? wide : ownOnly
    if (!list.includes(m.householdId)) list.push(m.householdId)
  }
  return { wide, ownOnly }
}
