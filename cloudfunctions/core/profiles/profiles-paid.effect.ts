import { ORDER_TOPICS, orderEffect } from '../orders'
import { categoriesOf } from './item-catalog'
import { recordInteraction } from './record-interaction.service'
import { refreshAfterInteraction } from './interest.service'
import { creditConversion } from './conversion.service'

/**
 * A paid order, as the profiles area hears it: each line of a group-buy or service order is a purchase
 * interaction (idempotent per order line), the household's interest is recomputed once, and pushes it
 * received within the conversion window count as converted. Fee orders say nothing about interests and
 * convert no campaign push. An outbox effect on order.paid (docs/architecture.md, the outbox): it runs after
 * the money transaction commits, and every write in it is idempotent per order line, so a re-run is harmless.
 */
export const profilesPaidEffect = orderEffect(ORDER_TOPICS.paid, async (ctx, order) => {
  const paidAt = order.payment?.paidAt ? new Date(order.payment.paidAt) : ctx.now()
  if (order.type !== 'fee') {
    const categories = await categoriesOf(ctx.platform.db, order.lines.map((l) => ({ itemId: l.refId, title: l.title })))
    let created = false
    for (const [i, line] of order.lines.entries()) {
      const r = await recordInteraction(
        ctx.platform,
        {
          householdId: order.householdId,
          communityId: order.communityId,
          kind: 'purchase',
          category: categories.get(line.refId) ?? '日用',
          itemId: line.refId,
          at: paidAt,
          weight: Math.min(3, 1 + Math.log2(line.quantity)),
          sourceId: `${order._id}-${i}`,
        },
        { refresh: false },
      )
      created ||= r.created
    }
    if (created) await refreshAfterInteraction(ctx.platform, order.householdId, order.communityId)
    await creditConversion(ctx.platform, order, paidAt)
  }
})
