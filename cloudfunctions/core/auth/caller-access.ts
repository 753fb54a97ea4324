import type { ActionContext } from '../kernel/action-context'
import type { CallerAccess } from './access.model'
import { authorize } from './authorize'

/**
 * Someone invoking from the CloudBase console already holds the environment's keys; they act as ops of
 * the community the event names. The placeholder openid cannot match any real one.
 */
export function consoleOpsAccess(communityId: string): CallerAccess {
  return { openid: '(console)', memberships: [], staff: [{ role: 'ops', communityId }], stewardBuildingIds: [] }
}

/** The gate of every ops action: console, or a WeChat user who is ops of that community. */
export async function opsAccess(ctx: ActionContext, communityId: string): Promise<CallerAccess> {
  if (ctx.caller.kind === 'console') return consoleOpsAccess(communityId)
  // The call's access, resolved at most once (the audience gate usually did already).
  const access = await ctx.access()
  authorize(access, 'community.manage', { communityId })
  return access
}
