import type { OwnerCall } from '../../contracts/fees.contract'
import type { ActionContext } from '../kernel/action-context'
import { DomainError } from '../kernel/domain-error'
import { authorize } from '../auth'
import { householdBriefs } from './fee-access'
import { ownerContacts } from './owner-contact'
import { privacyCallOf } from '../kernel/ports/privacy-call.port'

/** A relay number lives long enough to dial and talk, not to be kept. */
export const RELAY_TTL_SECONDS = 180

/**
 * 一键拨号: only the steward whose grid holds the household gets a relay number (not ops, not a
 * neighbouring steward): the number is a way to reach this owner about this grid's arrears.
 */
export async function callOwner(ctx: ActionContext, householdId: string): Promise<OwnerCall> {
  const access = await ctx.access()
  const h = (await householdBriefs(ctx.platform.db, [householdId])).get(householdId)
  if (!h) throw new DomainError('NOT_FOUND', '房屋不存在')
  authorize(access, 'household.contact', { communityId: h.communityId, householdId: h._id, buildingId: h.buildingId })
  const port = privacyCallOf(ctx.platform)
  if (!port) throw new DomainError('FEE.CALL_UNAVAILABLE')
  const binding = await port.bindRelay({ householdId, callerOpenid: access.openid, ttlSeconds: RELAY_TTL_SECONDS, requestKey: ctx.requestId ?? `${householdId}:${ctx.now().getTime()}` })
  const contact = (await ownerContacts(ctx.platform.db, [householdId])).get(householdId)
  // The household, never the number: relay numbers are short-lived but still personal data.
  ctx.platform.logger.info('fees.owner_call', { householdId, bindingId: binding.bindingId })
  return { householdId, relayNumber: binding.relayNumber, expiresAt: binding.expiresAt.toISOString(), ownerNameMasked: contact?.ownerNameMasked ?? '' }
}
