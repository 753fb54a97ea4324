import type { Platform } from '../kernel/platform'
import { must } from '../kernel/db-result'
import { notifyAll } from '../notify'
import { CLOSED_STATUSES, REPAIR_COLLECTIONS, type SlaKind, type TicketDoc, type TimelineEntry } from './repair.model'
import { overdueCard } from './repair-notifications'
import { opsOpenids } from './staff-lookup'

const BATCH = 100
/** Bounds one run; whatever is left is picked up by the next tick (the trigger runs every few minutes). */
const MAX_BATCHES = 50
const DUE_FIELD: Record<SlaKind, 'respondDueAt' | 'arriveDueAt'> = { respond: 'respondDueAt', arrive: 'arriveDueAt' }
const NOTE: Record<SlaKind, string> = { respond: '超过 30 分钟未接单', arrive: '超过约定时间未上门' }

export interface SlaRunSummary {
  flagged: number
  alertsSent: number
  resumed: number
}

/**
 * The SLA timer. Resumable and idempotent by construction:
 * 1. A breach is flagged by one conditional update (`slaWatch = kind AND due <= now` → clock off,
 *    overdue on, `slaAlert = kind`), so a second run, or two runs at once, flag a ticket once.
 * 2. Alerts go out after the flag and `slaAlert` is cleared only after they went out; a run that died
 *    in between leaves `slaAlert` set and the next run finishes the job. The notify log's dedupe key
 *    (ticket, kind, recipient) keeps that retry from sending a card twice.
 */
export async function runSlaCheck(platform: Platform): Promise<SlaRunSummary> {
  const summary: SlaRunSummary = { flagged: 0, alertsSent: 0, resumed: 0 }
  await finishPendingAlerts(platform, summary)
  for (const kind of ['respond', 'arrive'] as const) await flagBreaches(platform, kind, summary)
  platform.logger.info('repairs.sla_check', { ...summary })
  return summary
}

async function finishPendingAlerts(platform: Platform, summary: SlaRunSummary): Promise<void> {
  const _ = platform.db.command
  const coll = platform.db.collection(REPAIR_COLLECTIONS.tickets)
  for (let i = 0; i < MAX_BATCHES; i++) {
    const pending = must(await coll.where({ slaAlert: _.in(['respond', 'arrive']) }).limit(BATCH).get()).data as TicketDoc[]
    for (const t of pending) {
      summary.resumed += 1
      await sendAlerts(platform, t, t.slaAlert as SlaKind, summary)
    }
    if (pending.length < BATCH) return
  }
}

async function flagBreaches(platform: Platform, kind: SlaKind, summary: SlaRunSummary): Promise<void> {
  const db = platform.db
  const _ = db.command
  const coll = db.collection(REPAIR_COLLECTIONS.tickets)
  const now = platform.clock.now()
  const field = DUE_FIELD[kind]
  const seen = new Set<string>()
  for (let i = 0; i < MAX_BATCHES; i++) {
    const due = must(await coll.where({ slaWatch: kind, [field]: _.lte(now) }).orderBy(field, 'asc').limit(BATCH).get()).data as TicketDoc[]
    const fresh = due.filter((t) => !seen.has(t._id))
    if (fresh.length === 0) return
    for (const t of fresh) {
      seen.add(t._id)
      const entry: TimelineEntry = { at: now, action: 'overdue', by: 'system', note: NOTE[kind] }
      const res = must(
        await coll.where({ _id: t._id, slaWatch: kind, [field]: _.lte(now) }).update({
          slaWatch: null,
          overdue: true,
          slaAlert: kind,
          [`breaches.${kind}`]: t.breaches?.[kind] ?? now,
          rev: _.inc(1),
          updatedAt: now,
          timeline: _.push([entry]),
        }),
      )
      if (res.updated !== 1) continue
      summary.flagged += 1
      await sendAlerts(platform, { ...t, slaAlert: kind }, kind, summary)
    }
    if (due.length < BATCH) return
  }
}

/** Sends the overdue cards, then clears the pending marker — unless some card could not even be attempted. */
async function sendAlerts(platform: Platform, t: TicketDoc, kind: SlaKind, summary: SlaRunSummary): Promise<void> {
  if (!CLOSED_STATUSES.includes(t.status)) {
    const recipients = [...new Set([...(t.stewardOpenid ? [t.stewardOpenid] : []), ...(await opsOpenids(platform.db, t.communityId))])]
    const dueAt = new Date((kind === 'respond' ? t.respondDueAt : t.arriveDueAt) ?? platform.clock.now())
    const result = await notifyAll(platform, recipients.map((openid) => overdueCard(t, kind, dueAt, openid)))
    summary.alertsSent += result.sent
    if (result.unclaimed > 0) return
  }
  must(await platform.db.collection(REPAIR_COLLECTIONS.tickets).where({ _id: t._id, slaAlert: kind }).update({ slaAlert: null }))
}
