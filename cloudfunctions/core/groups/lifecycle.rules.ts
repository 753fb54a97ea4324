import type { GroupStage } from '../../contracts/groups.contract'
import { currentScore, SILENT_SCORE } from './activity-score'
import type { GroupCode, GroupDoc } from './group.model'

const DAY = 86_400_000
/** The first month is strong operation: daily posts, the starter programme, the steward present. */
export const STRONG_STAGE_DAYS = 30
/** WeChat makes a group QR code valid for 7 days from the day it is saved. */
export const CODE_VALID_MS = 7 * DAY
/** The steward is reminded this long before a code lapses. */
export const CODE_REMIND_BEFORE_MS = DAY
/** A member who opened a card or ordered within this window still counts as active. */
export const ACTIVE_MEMBER_MS = 14 * DAY

export const STAGE_LABELS: Record<GroupStage, string> = { strong: '强运营期', daily: '日常运营', weak: '弱运营' }

/**
 * Stage by age and activity: strong for the first month; afterwards daily while the group is alive and
 * weak once it has gone quiet (the silent flag of the lifecycle timer says the same thing with a lag).
 */
export function stageOf(group: Pick<GroupDoc, 'createdAt' | 'activityRaw'>, now: Date): GroupStage {
  if (now.getTime() - new Date(group.createdAt).getTime() < STRONG_STAGE_DAYS * DAY) return 'strong'
  return currentScore(group.activityRaw, now) < SILENT_SCORE ? 'weak' : 'daily'
}

export function isPastStrongStage(createdAt: Date, now: Date): boolean {
  return now.getTime() - new Date(createdAt).getTime() >= STRONG_STAGE_DAYS * DAY
}

export type CodeStatus = 'live' | 'expiring' | 'expired' | 'none'

export function codeStatus(code: GroupCode | null, now: Date): CodeStatus {
  if (!code) return 'none'
  const left = new Date(code.expiresAt).getTime() - now.getTime()
  if (left <= 0) return 'expired'
  return left <= CODE_REMIND_BEFORE_MS ? 'expiring' : 'live'
}

/** A code may be shown to a resident only while WeChat would still accept it. */
export function isCodeShowable(code: GroupCode | null, now: Date): code is GroupCode {
  return codeStatus(code, now) === 'live' || codeStatus(code, now) === 'expiring'
}
