import { DomainError } from '../kernel/domain-error'
import { must } from '../kernel/db-result'
import { fulfilOrder, loadOrder, type OrderHookContext } from '../orders'
import { GROUPBUY_COLLECTIONS, type EntryDoc } from './groupbuy.model'

const BATCH = 100
const TIME_BUDGET_MS = 15_000

/**
 * The order behind a fully handed-over entry is fulfilled only once the undo window has passed (docs/groupbuy.md,
 * "Undo and commission"). Fulfilment is what accrues the steward's commission, so deferring it means an undo
 * never has anything to claw back. Runs on the minute timer; keeps no state of its own:
 *
 * 1. `due` → `fulfilling` is one conditional update on (stage picked_up, the pickVersion read, state due). An undo
 *    writes the same entry inside a transaction, so exactly one of the two wins: after an undo the claim matches
 *    nothing; after a claim the undo's transaction conflicts, re-reads `fulfilling` and refuses.
 * 2. the order moves paid → fulfilled (a second run finds it fulfilled and moves nothing);
 * 3. `done`. A crash between 1 and 3 leaves `fulfilling`, which the next run finishes.
 */
export async function fulfilPickedUp(ctx: OrderHookContext): Promise<{ fulfilled: number }> {
  const { db } = ctx.platform
  const _ = db.command
  const started = Date.now()
  const now = ctx.now()
  let fulfilled = 0
  const rows = must(
    await db
      .collection(GROUPBUY_COLLECTIONS.entries)
      .where({ fulfilState: _.in(['due', 'fulfilling']), fulfilAfter: _.lte(now) })
      .orderBy('fulfilAfter', 'asc')
      .limit(BATCH)
      .get(),
  ).data as EntryDoc[]
  for (const e of rows) {
    if (Date.now() - started > TIME_BUDGET_MS) break
    try {
      if (e.fulfilState === 'due') {
        const claim = must(
          await db
            .collection(GROUPBUY_COLLECTIONS.entries)
            .where({ _id: e._id, stage: 'picked_up', fulfilState: 'due', pickVersion: e.pickVersion ?? 0 })
            .update({ fulfilState: 'fulfilling', updatedAt: now }),
        )
        if (claim.updated !== 1) continue
      }
      if (await fulfilIfPaid(ctx, e._id)) fulfilled++
      must(await db.collection(GROUPBUY_COLLECTIONS.entries).where({ _id: e._id, fulfilState: 'fulfilling' }).update({ fulfilState: 'done', updatedAt: now }))
    } catch (err) {
      ctx.platform.logger.error('groupbuy.pickup.fulfil_failed', { orderId: e._id, errorMessage: (err as Error).message })
    }
  }
  return { fulfilled }
}

/** paid → fulfilled, once; true when this call moved it. */
export async function fulfilIfPaid(ctx: OrderHookContext, orderId: string): Promise<boolean> {
  const order = await loadOrder(ctx.platform, orderId)
  if (order?.status !== 'paid') return false
  try {
    await fulfilOrder(ctx, orderId, 'steward', '团购提货核销')
    return true
  } catch (e) {
    // A refund started meanwhile (ops), or a concurrent run moved it first: the goods were handed over all the
    // same; ops sees it in the order timeline.
    if (!(e instanceof DomainError)) throw e
    ctx.platform.logger.warn('groupbuy.pickup.fulfil_skipped', { orderId, code: e.code })
    return false
  }
}
