import { must } from '../kernel/db-result'
import { sweepDue } from '../kernel/due-sweep'
import type { EffectContext, OutboxEffect, OutboxEvent } from '../kernel/outbox'
import { backoffMs, LEASE_MS, OUTBOX_COLLECTIONS } from './outbox.model'

export type ProcessOutcome = 'done' | 'retry_later'

function effectsOn(ctx: EffectContext, topic: string): [string, OutboxEffect][] {
  return [...ctx.platform.wiring.effects.entries()].filter(([, e]) => e.topics.includes(topic))
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String((e as { code?: string })?.code ?? e)).slice(0, 300)

/**
 * Runs the effects of one event that have not run yet, in the areas' order; each failure is kept to
 * itself (the others still run). Then ONE write: the event is done, or it records which effects
 * succeeded and when to try the rest. A crash anywhere leaves the event pending for the timer; an effect
 * that had finished but was not recorded runs again, which its own idempotency makes harmless.
 */
export async function processOutboxEvent(ctx: EffectContext, event: OutboxEvent): Promise<ProcessOutcome> {
  const { db, logger } = ctx.platform
  if (event.state === 'done') return 'done'
  const done = [...event.done]
  let failure: string | null = null
  for (const [name, effect] of effectsOn(ctx, event.topic)) {
    if (done.includes(name)) continue
    try {
      await effect.run(ctx, event)
      done.push(name)
    } catch (e) {
      failure ??= `${name}: ${messageOf(e)}`
      logger.warn('outbox.effect_failed', { eventId: event._id, effect: name, errorMessage: messageOf(e) })
    }
  }
  const now = ctx.now()
  const events = db.collection(OUTBOX_COLLECTIONS.events)
  if (!failure) {
    must(await events.where({ _id: event._id, state: 'pending' }).update({ state: 'done', done, doneAt: now, lastError: null }))
    return 'done'
  }
  const attempts = event.attempts + 1
  must(await events.doc(event._id).update({ done, attempts, lastError: failure, nextAt: new Date(now.getTime() + backoffMs(attempts)) }))
  return 'retry_later'
}

/**
 * Right after a commit: process the event just written, and never let a downstream failure reach the
 * caller (the money part already committed; the timer finishes what is left).
 */
export async function processAfterCommit(ctx: EffectContext, event: OutboxEvent): Promise<ProcessOutcome> {
  try {
    return await processOutboxEvent(ctx, event)
  } catch (e) {
    ctx.platform.logger.warn('outbox.deferred', { eventId: event._id, errorMessage: messageOf(e) })
    return 'retry_later'
  }
}

export interface DrainSummary {
  processed: number
  retryLater: number
  skipped: number
}

const BATCH = 100
/** One timer run stops after this many events (the next run carries on: the job is resumable). */
const MAX_PER_RUN = 1000

/**
 * The timer (orders.processOutbox, every minute): every pending event whose time has come is claimed with
 * a conditional lease (so overlapping runs do not share an event) and processed. Resumable: it only ever
 * looks at what is still pending.
 */
export async function drainOutbox(ctx: EffectContext): Promise<DrainSummary> {
  const { db, logger } = ctx.platform
  const _ = db.command
  const events = db.collection(OUTBOX_COLLECTIONS.events)
  const swept = await sweepDue<OutboxEvent, 'processed' | 'retryLater'>(
    {
      now: () => ctx.now(),
      due: async (now) => must(await events.where({ state: 'pending', nextAt: _.lte(now) }).orderBy('nextAt', 'asc').limit(BATCH).get()).data as OutboxEvent[],
      // The lease: move nextAt forward only if nobody else did since we read it.
      claim: async (event, now) => {
        const leaseUntil = new Date(now.getTime() + LEASE_MS)
        const claimed = must(await events.where({ _id: event._id, state: 'pending', nextAt: event.nextAt }).update({ nextAt: leaseUntil }))
        return claimed.updated === 1 ? { ...event, nextAt: leaseUntil } : null
      },
      // A failed round writes its own back-off (processOutboxEvent), which replaces the lease.
      handle: async (event) => ((await processAfterCommit(ctx, event)) === 'done' ? 'processed' : 'retryLater'),
      maxItems: MAX_PER_RUN,
    },
    ['processed', 'retryLater'],
  )
  const summary: DrainSummary = { processed: swept.processed, retryLater: swept.retryLater, skipped: swept.skipped }
  if (summary.processed || summary.retryLater) logger.info('outbox.drained', { ...summary })
  return summary
}

/** Pending events, oldest first (ops and tests look at what is waiting). */
export async function pendingOutboxEvents(ctx: EffectContext, limit = 100): Promise<OutboxEvent[]> {
  return must(await ctx.platform.db.collection(OUTBOX_COLLECTIONS.events).where({ state: 'pending' }).orderBy('createdAt', 'asc').limit(limit).get()).data as OutboxEvent[]
}
