import type { ActionContext } from '../kernel/action-context'
import { DomainError } from '../kernel/domain-error'
import { passKeysOf } from '../access'
import { CODE_STEP_SECONDS, issueEventCode } from './event-code'
import { CHECK_IN_EARLY_MS, CHECK_OUT_LATE_MS } from './event-view'
import { leadEvent } from './event-scope'

/** The organiser's screen asks for the current code every few seconds; signing only, nothing written. */
export async function currentCode(ctx: ActionContext, eventId: string) {
  const { event } = await leadEvent(ctx, eventId)
  if (event.status === 'cancelled') throw new DomainError('EVENT.CANCELLED')
  const now = ctx.now().getTime()
  if (now < new Date(event.startsAt).getTime() - CHECK_IN_EARLY_MS || now > new Date(event.endsAt).getTime() + CHECK_OUT_LATE_MS) throw new DomainError('EVENT.NOT_OPEN_NOW')
  const issued = issueEventCode(passKeysOf(ctx.platform).keysFor(event.communityId), eventId, now)
  if (!issued) throw new DomainError('EVENT.NOT_CONFIGURED')
  const stepEndMs = (issued.step + 1) * CODE_STEP_SECONDS * 1000
  return {
    eventId,
    code: issued.code,
    qr: issued.qr,
    expiresAt: new Date(issued.expiresAtMs).toISOString(),
    // Refresh when the screen's code is replaced, so the room always sees the newest one.
    refreshInSeconds: Math.max(1, Math.ceil((stepEndMs - now) / 1000)),
  }
}
