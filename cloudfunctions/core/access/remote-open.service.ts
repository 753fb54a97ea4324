import type { Platform } from '../kernel/platform'
import { DomainError, notFound } from '../kernel/domain-error'
import type { CallerAccess } from '../auth'
import { accessError } from './access-errors'
import { doorGatewayOf } from './access-ports'
import { markRefused, recordAttempt } from './access-log'
import type { AccessLogDoc, DoorDoc } from './access.model'
import { doorsInScope, loadDoor } from './door-rights'
import { DoorGatewayError, type DoorOpenCommand } from '../kernel/ports/door-gateway.port'
import { REMOTE_OPEN_LIMIT, takeToken } from './rate-limit'

export interface OpenRequest {
  openid: string
  /** The caller's live access (`ctx.access`), asked only after the door and the rate limit. */
  access: () => Promise<CallerAccess>
  now: Date
  requestId: string
}

/**
 * 一键开门. Order matters: the door must exist (else there is no community to log against), then the rate
 * limit (every attempt counts, so probing doors is throttled too), then live rights, then log, then open.
 */
export async function remoteOpen(platform: Platform, req: OpenRequest, input: { doorId: string; householdId?: string }) {
  const { db } = platform
  const door = await loadDoor(db, input.doorId)
  if (!door || door.status !== 'active') throw notFound('门禁')
  const base: Omit<AccessLogDoc, 'result' | 'reason' | 'subject' | 'householdId'> = {
    communityId: door.communityId,
    doorId: door._id,
    doorName: door.name,
    channel: 'remote',
    openid: req.openid,
    visitorPassId: null,
    at: req.now,
  }
  if (!(await takeToken(db, 'open', req.openid, req.now, REMOTE_OPEN_LIMIT))) {
    await recordAttempt(db, { ...base, subject: 'unknown', householdId: null, result: 'refused', reason: 'RATE_LIMITED' })
    throw new DomainError('RATE_LIMITED', '开门太频繁，请一分钟后再试')
  }
  const access = await req.access()
  const candidates = access.memberships.filter((m) => m.communityId === door.communityId && (!input.householdId || m.householdId === input.householdId))
  const membership = candidates.find((m) => doorsInScope([door], m).length > 0)
  if (!membership) {
    await recordAttempt(db, { ...base, subject: candidates.length ? 'resident' : 'unknown', householdId: candidates[0]?.householdId ?? null, result: 'refused', reason: 'OUT_OF_SCOPE' })
    throw accessError(access.memberships.length ? 'ACCESS.DOOR_OUT_OF_SCOPE' : 'ACCESS.NO_HOUSEHOLD')
  }
  const logId = await recordAttempt(db, { ...base, subject: 'resident', householdId: membership.householdId, result: 'allowed', reason: null })
  await openThroughGateway(platform, door, logId, { requestId: req.requestId, channel: 'remote' })
  return { doorId: door._id, doorName: door.name, openedAt: req.now.toISOString() }
}

/** Shared by resident and visitor remote opens: a gateway failure turns the logged entry into a refusal. */
export async function openThroughGateway(platform: Platform, door: DoorDoc, logId: string, cmd: Pick<DoorOpenCommand, 'requestId' | 'channel'>, onFailure?: () => Promise<void>) {
  try {
    await doorGatewayOf(platform).open({ communityId: door.communityId, doorId: door._id, vendorDoorId: door.vendorDoorId, ...cmd })
    platform.logger.info('access.door_opened', { doorId: door._id, channel: cmd.channel })
  } catch (e) {
    // Whatever went wrong, the door did not open: the log must not say it did.
    platform.logger.warn('access.gateway_failed', { doorId: door._id, errorMessage: (e as Error)?.message })
    await markRefused(platform.db, logId, 'GATEWAY_ERROR')
    await onFailure?.()
    if (e instanceof DoorGatewayError) throw accessError('ACCESS.DOOR_UNAVAILABLE')
    throw e
  }
}
