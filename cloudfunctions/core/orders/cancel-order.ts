import { DomainError } from '../kernel/domain-error'
import { ORDER_ERROR_MESSAGES } from '../../contracts/errors/orders'
import { paymentsOf } from '../kernel/ports/payments.port'
import type { OrderHookContext } from './order-type-hooks'
import { assertTransition } from './order-state-machine'
import { requireOrder, tryTransition } from './order-transition'
import { finishRelease } from './release'
import { syncPayment } from './sync-payment'
import type { OrderDoc } from './order.model'

/**
 * created → cancelled, by the resident or the expiry timer. The WeChat side is closed FIRST, so nobody can
 * pay an order we are about to cancel; if the payer got there first, the payment is applied instead and
 * the cancel is refused (ORDER.ALREADY_PAID). Then the conditional status write, then the release hook.
 */
export async function cancelOrder(ctx: OrderHookContext, orderId: string, change: { by: string; note: string }): Promise<OrderDoc> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const order = await requireOrder(ctx.platform, orderId)
    assertTransition(order.status, 'cancelled')
    if (order.prepay) {
      const closed = await paymentsOf(ctx.platform).closePayment(order._id)
      if (closed.alreadyPaid) {
        await syncPayment(ctx, order)
        throw new DomainError('ORDER.ALREADY_PAID', ORDER_ERROR_MESSAGES['ORDER.ALREADY_PAID'])
      }
    }
    const releasing = order.reservation === 'held' || order.reservation === 'pending'
    const moved = await tryTransition(ctx.platform, order, 'cancelled', { by: change.by, note: change.note, set: releasing ? { reservation: 'releasing' } : {} })
    if (moved) {
      if (releasing) await finishRelease(ctx, { ...order, status: 'cancelled', reservation: 'releasing' })
      return requireOrder(ctx.platform, orderId)
    }
  }
  throw new DomainError('CONFLICT')
}
