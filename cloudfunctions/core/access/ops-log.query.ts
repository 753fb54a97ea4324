import type { ActionContext } from '../kernel/action-context'
import { DomainError } from '../kernel/domain-error'
import { authorize, communityWhere } from '../auth'
import { listAttempts } from './access-log'

/**
 * Ops see every attempt in their community: in the mini-program (ops role, their community by default)
 * or from the CloudBase console, where the event must name the community.
 */
export async function opsAccessLog(ctx: ActionContext, input: { communityId?: string; result?: 'allowed' | 'refused'; offset: number; limit: number }) {
  const { db } = ctx.platform
  let communityId = input.communityId
  if (ctx.caller.kind === 'user' && ctx.caller.openid) {
    const access = await ctx.access()
    communityId ??= communityWhere(access, 'community.manage')
    authorize(access, 'community.manage', { communityId })
  } else if (!communityId) {
    throw new DomainError('VALIDATION.FAILED', '控制台调用须提供 communityId')
  }
  return listAttempts(db, { communityId, ...(input.result ? { result: input.result } : {}) }, input)
}
