import type { Audience } from '../contracts/envelope'
import type { CallerAccess } from '../core/kernel/caller-access'
import type { Caller } from '../core/kernel/action-context'
import type { Platform } from '../core/kernel/platform'
import { DomainError } from '../core/kernel/domain-error'
import { loadAccess } from '../core/auth/load-access'

/** The caller's access, loaded on first ask and shared by everything in the same call. */
export function accessResolver(platform: Platform, caller: Caller): () => Promise<CallerAccess> {
  let loaded: Promise<CallerAccess> | undefined
  return () => {
    if (!caller.openid) return Promise.reject(new DomainError('AUTH.UNAUTHENTICATED'))
    loaded ??= loadAccess(platform.db, caller.openid)
    return loaded
  }
}

const HOLDS: Record<Exclude<Audience, 'user' | 'console'>, (a: CallerAccess) => boolean> = {
  member: (a) => a.memberships.length > 0,
  steward: (a) => a.staff.some((s) => s.role === 'steward'),
  technician: (a) => a.staff.some((s) => s.role === 'technician'),
  ops: (a) => a.staff.some((s) => s.role === 'ops'),
  merchant: (a) => a.staff.some((s) => s.role === 'merchant'),
}

/** Is a signed-in user inside the action's audience? Reads the registry only when the audience needs it. */
export async function inAudience(access: () => Promise<CallerAccess>, audience: readonly Audience[]): Promise<boolean> {
  if (audience.includes('user')) return true
  const roles = audience.filter((a): a is keyof typeof HOLDS => a in HOLDS)
  if (roles.length === 0) return false
  const a = await access()
  return roles.some((role) => HOLDS[role](a))
}
