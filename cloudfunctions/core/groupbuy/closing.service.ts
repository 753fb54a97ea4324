import type { ClosingSummary } from '../../contracts/ops-groupbuy.schemas'
import { must } from '../kernel/db-result'
import type { OrderHookContext } from '../orders'
import { groupbuyError } from './groupbuy-errors'
import { loadCampaign } from './groupbuy.store'
import { GROUPBUY_COLLECTIONS, type CampaignDoc, type EntryDoc } from './groupbuy.model'
import { countParticipants } from './participants.query'
import { settleEntry } from './settle-entry'

const CAMPAIGN_BATCH = 20
const ENTRY_BATCH = 100
/** Stay well inside the timer function's timeout; the next minute's run continues where this one stopped. */
const TIME_BUDGET_MS = 20_000

/**
 * The closing timer (every minute). It keeps no state of its own; campaigns and entries are the state:
 * 1. a campaign past its deadline that is still `open` gets its outcome decided ONCE (conditional update
 *    open → closing: formed when enough households paid, else failed);
 * 2. every entry still `paid` of a `closing` campaign is settled on its own (pickup code, or its own
 *    refund) — each step idempotent, so a crash midway or a second run concurrently changes nothing twice;
 * 3. when no paid entry is left the campaign is `closed`. Orders paid later still get the outcome (onPaid).
 */
export async function closeDueCampaigns(ctx: OrderHookContext): Promise<ClosingSummary> {
  const { db, logger } = ctx.platform
  const _ = db.command
  const started = Date.now()
  const summary: ClosingSummary = { decided: 0, formed: 0, failed: 0, pickupCodesIssued: 0, refundsRequested: 0, closed: 0, errors: 0 }
  const due = must(
    await db
      .collection(GROUPBUY_COLLECTIONS.campaigns)
      .where({ status: _.in(['open', 'closing']), deadline: _.lte(ctx.now()) })
      .orderBy('deadline', 'asc')
      .limit(CAMPAIGN_BATCH)
      .get(),
  ).data as CampaignDoc[]

  for (const found of due) {
    if (Date.now() - started > TIME_BUDGET_MS) break
    try {
      const campaign = found.status === 'open' ? await decide(ctx, found, summary) : found
      if (!campaign || campaign.status !== 'closing') continue
      const finished = await settlePaidEntries(ctx, campaign, summary, started)
      if (finished) {
        const res = must(await db.collection(GROUPBUY_COLLECTIONS.campaigns).where({ _id: campaign._id, status: 'closing' }).update({ status: 'closed', closedAt: ctx.now(), updatedAt: ctx.now() }))
        summary.closed += res.updated
      }
    } catch (e) {
      summary.errors += 1
      logger.error('groupbuy.closing.campaign_failed', { campaignId: found._id, errorMessage: (e as Error).message })
    }
  }
  if (due.length > 0) logger.info('groupbuy.closing.run', { ...summary })
  return summary
}

/**
 * Ops end an open campaign early: its deadline becomes now (one conditional update, so orders placed from
 * here on are refused as after the deadline), then the same closing job decides and settles it.
 */
export async function closeCampaignNow(ctx: OrderHookContext, campaign: CampaignDoc): Promise<ClosingSummary> {
  if (campaign.status === 'draft') throw groupbuyError('GROUPBUY.NOT_OPEN')
  const now = ctx.now()
  if (campaign.status === 'open' && new Date(campaign.deadline).getTime() > now.getTime()) {
    must(await ctx.platform.db.collection(GROUPBUY_COLLECTIONS.campaigns).where({ _id: campaign._id, status: 'open' }).update({ deadline: now, updatedAt: now }))
  }
  return closeDueCampaigns(ctx)
}

async function decide(ctx: OrderHookContext, campaign: CampaignDoc, summary: ClosingSummary): Promise<CampaignDoc | undefined> {
  const db = ctx.platform.db
  const participants = (await countParticipants(db, [campaign._id])).get(campaign._id) ?? 0
  const outcome = participants >= campaign.minParticipants ? 'formed' : 'failed'
  const now = ctx.now()
  const res = must(
    await db
      .collection(GROUPBUY_COLLECTIONS.campaigns)
      .where({ _id: campaign._id, status: 'open' })
      .update({ status: 'closing', outcome, participantsAtClose: participants, decidedAt: now, updatedAt: now }),
  )
  if (res.updated === 1) {
    summary.decided += 1
    summary[outcome] += 1
    ctx.platform.logger.info('groupbuy.closing.decided', { campaignId: campaign._id, outcome, participants })
  }
  // Whoever won the race decided; continue with what is stored.
  return loadCampaign(db, campaign._id)
}

/** True when the campaign has no paid entry left to settle. Pages by _id so a failing entry cannot stall the rest. */
async function settlePaidEntries(ctx: OrderHookContext, campaign: CampaignDoc, summary: ClosingSummary, started: number): Promise<boolean> {
  const db = ctx.platform.db
  const _ = db.command
  let after = ''
  let clean = true
  for (;;) {
    if (Date.now() - started > TIME_BUDGET_MS) return false
    const page = must(
      await db
        .collection(GROUPBUY_COLLECTIONS.entries)
        .where({ campaignId: campaign._id, stage: 'paid', _id: _.gt(after) })
        .orderBy('_id', 'asc')
        .limit(ENTRY_BATCH)
        .get(),
    ).data as EntryDoc[]
    for (const entry of page) {
      try {
        const result = await settleEntry(ctx, campaign, entry)
        if (result === 'pickup_code') summary.pickupCodesIssued += 1
        if (result === 'refund') summary.refundsRequested += 1
      } catch (e) {
        clean = false
        summary.errors += 1
        ctx.platform.logger.error('groupbuy.closing.entry_failed', { campaignId: campaign._id, orderId: entry._id, errorMessage: (e as Error).message })
      }
    }
    if (page.length < ENTRY_BATCH) return clean
    after = page[page.length - 1]._id
  }
}
