import { createHash } from 'node:crypto'
import type { Db } from '@cloudbase/database'
import { isDuplicateKey, must } from './db-result'
import { DomainError } from './domain-error'

/** The rate-limit collection households already declares (with its expireAt index); one place for counters. */
const RATE_LIMITS = 'rate_limits'

export interface GuessWindow {
  max: number
  windowMs: number
}

/**
 * Wrong codes an identity may type, per kind of code. Invite and merchant codes are 32^8 ≈ 10^12, so these
 * only stop scripted scanning; pickup codes are 8 digits and typed by stewards at a busy pickup point, so
 * a short window forgives typos while the daily cap keeps the odds of hitting a live code negligible.
 */
export const GUESS_LIMITS: Record<'invite' | 'merchant' | 'pickup' | 'event', GuessWindow[]> = {
  invite: [
    { max: 10, windowMs: 10 * 60_000 },
    { max: 30, windowMs: 24 * 60 * 60_000 },
  ],
  merchant: [
    { max: 10, windowMs: 10 * 60_000 },
    { max: 30, windowMs: 24 * 60 * 60_000 },
  ],
  pickup: [
    { max: 20, windowMs: 10 * 60_000 },
    { max: 100, windowMs: 24 * 60 * 60_000 },
  ],
  // Event codes are 6 digits but live 40 s: 10 misses per 10 minutes leaves a guesser ~1e-5 per live code.
  event: [
    { max: 10, windowMs: 10 * 60_000 },
    { max: 40, windowMs: 24 * 60 * 60_000 },
  ],
}

const hashOf = (openid: string) => createHash('sha256').update(openid).digest('hex').slice(0, 24)

interface Slot {
  _id: string
  window: GuessWindow
}

/** Takes one miss slot in a fixed window; atomic (conditional increment), so parallel guesses cannot exceed it. */
async function take(db: Db, slot: Slot, now: Date): Promise<boolean> {
  const coll = db.collection(RATE_LIMITS)
  const _ = db.command
  const bump = async () => must(await coll.where({ _id: slot._id, count: _.lt(slot.window.max) }).update({ count: _.inc(1) })).updated === 1
  if (await bump()) return true
  try {
    must(await coll.add({ _id: slot._id, count: 1, expireAt: new Date(now.getTime() + 2 * slot.window.windowMs) }))
    return true
  } catch (e) {
    if (!isDuplicateKey(e)) throw e
    return bump()
  }
}

/**
 * Best effort: gives the slot back, removing the counter when it was the only one (so a right code leaves
 * nothing written). A release lost to a race or a database error only costs the caller one slot.
 */
async function release(db: Db, slot: Slot): Promise<void> {
  const coll = db.collection(RATE_LIMITS)
  try {
    if (Number(must(await coll.where({ _id: slot._id, count: 1 }).remove()).deleted ?? 0) > 0) return
    must(await coll.where({ _id: slot._id, count: db.command.gt(1) }).update({ count: db.command.inc(-1) }))
  } catch {
    // nothing to undo: the counter stays one higher until its window ends
  }
}

/**
 * Looks a code up under a guess limit. A miss slot is reserved BEFORE the lookup (so a burst of parallel
 * guesses cannot all slip in before any is counted) and given back when the code turned out to exist, so
 * only wrong codes count. `isMiss` says which refusals are "no such code" (an oracle worth limiting).
 */
export async function withGuessLimit<T>(db: Db, kind: keyof typeof GUESS_LIMITS, openid: string, now: Date, lookup: () => Promise<T>, isMiss: (e: unknown) => boolean): Promise<T> {
  const slots: Slot[] = GUESS_LIMITS[kind].map((w) => ({ _id: `guess-${kind}-${hashOf(openid)}-${w.windowMs}-${Math.floor(now.getTime() / w.windowMs)}`, window: w }))
  const taken: Slot[] = []
  for (const slot of slots) {
    if (await take(db, slot, now)) {
      taken.push(slot)
      continue
    }
    for (const t of taken) await release(db, t)
    const windowEnd = (Math.floor(now.getTime() / slot.window.windowMs) + 1) * slot.window.windowMs
    const minutes = Math.max(1, Math.ceil((windowEnd - now.getTime()) / 60_000))
    throw new DomainError('RATE_LIMITED', `输入错误的码次数过多，请 ${minutes >= 60 ? `${Math.ceil(minutes / 60)} 小时` : `${minutes} 分钟`}后再试`)
  }
  try {
    const result = await lookup()
    for (const t of taken) await release(db, t)
    return result
  } catch (e) {
    if (!isMiss(e)) for (const t of taken) await release(db, t)
    throw e
  }
}

export const isDomainCode =
  (...codes: string[]) =>
  (e: unknown): boolean =>
    e instanceof DomainError && codes.includes(e.code)
