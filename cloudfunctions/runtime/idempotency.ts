import { createHash } from 'node:crypto'
import type { FnReply } from '../contracts/envelope'
import { ERROR_MESSAGES } from '../contracts/errors/base'
import type { Platform } from '../core/kernel/platform'
import { defineIndexes } from '../core/kernel/indexes'
import { isDuplicateKey, must } from '../core/kernel/db-result'

export const IDEMPOTENCY_COLLECTION = 'idempotency_keys'
/** A pending key older than this belongs to a crashed invocation and may be taken over. */
const PENDING_TAKEOVER_MS = 60_000
/** Writes of the finished reply (or the release of the key after INTERNAL) before giving up. */
const RECORD_ATTEMPTS = 3

export const IDEMPOTENCY_INDEXES = defineIndexes({ collection: IDEMPOTENCY_COLLECTION, fields: ['expireAt'] })

interface KeyDoc {
  _id: string
  status: 'pending' | 'done'
  inputHash: string
  reply?: FnReply
  startedAt: Date
}

export interface IdempotencyKey {
  fn: string
  action: string
  caller: string
  requestId: string
  input: unknown
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

/**
 * "A retry with the same request id returns the first result": the first call records a pending key,
 * runs, and stores its reply; repeats get the stored reply. Replies to bad input or broken rules are
 * stored too (the answer will not change); INTERNAL failures are not, so a retry can still succeed.
 */
export async function runIdempotent(
  platform: Platform,
  key: IdempotencyKey,
  run: () => Promise<FnReply>,
  /** The action's precheck (define-function.ts): run only for an id never seen; its refusal is answered and not recorded. */
  precheck?: () => Promise<FnReply | null>,
): Promise<FnReply> {
  const id = hash(`${key.fn}|${key.action}|${key.caller}|${key.requestId}`).slice(0, 40)
  const inputHash = hash(JSON.stringify(key.input ?? null))
  const coll = platform.db.collection(IDEMPOTENCY_COLLECTION)
  const now = platform.clock.now()
  try {
    const existing = (must(await coll.doc(id).get()) as { data: KeyDoc[] }).data[0]
    if (existing) {
      if (existing.inputHash !== inputHash) return { ok: false, code: 'REQUEST.ID_REUSED', message: ERROR_MESSAGES['REQUEST.ID_REUSED'] }
      if (existing.status === 'done' && existing.reply) return existing.reply
      const stale = now.getTime() - new Date(existing.startedAt).getTime() > PENDING_TAKEOVER_MS
      if (!stale) return inProgress()
      const took = must(await coll.where({ _id: id, status: 'pending', startedAt: existing.startedAt }).update({ startedAt: now }))
      if (took.updated !== 1) return inProgress()
    } else {
      const refusal = precheck ? await precheck() : null
      if (refusal) return refusal
      try {
        must(await coll.add({ _id: id, status: 'pending', inputHash, startedAt: now, expireAt: new Date(now.getTime() + 7 * 86400_000) }))
      } catch (e) {
        if (isDuplicateKey(e)) return inProgress()
        throw e
      }
    }
  } catch (e) {
    platform.logger.error('idempotency.unavailable', { errorMessage: (e as Error).message })
    return { ok: false, code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL }
  }

  const reply = await run()
  // The work is committed and the reply known: remembering it is what keeps a retry from running the
  // action a second time (60 s later, as a takeover). So a failed write of the record is tried again a
  // couple of times before giving up (hardening: a one-off database error there duplicated tickets,
  // passes, campaigns...). The write itself is idempotent.
  for (let attempt = 1; ; attempt++) {
    try {
      if (!reply.ok && reply.code === 'INTERNAL') must(await coll.doc(id).remove())
      else must(await coll.doc(id).update({ status: 'done', reply: platform.db.command.set(reply) }))
      break
    } catch (e) {
      if (attempt < RECORD_ATTEMPTS) continue
      // Still failing: a retry will re-run an operation that must then be idempotent by itself.
      // Log it and still answer with the real result.
      platform.logger.warn('idempotency.record_failed', { errorMessage: (e as Error).message })
      break
    }
  }
  return reply
}


function inProgress(): FnReply {
  return { ok: false, code: 'REQUEST.IN_PROGRESS', message: ERROR_MESSAGES['REQUEST.IN_PROGRESS'] }
}
