import { createSandboxWorld, rid, type TestWorld } from '../../support/test-platform'
import { SandboxPayments } from '../../../cloudfunctions/platform/local/sandbox-pay/sandbox-payments'
import { must } from '../../../cloudfunctions/core/kernel/db-result'
import { ORDER_COLLECTIONS, type OrderDoc, type RefundDoc } from '../../../cloudfunctions/core/orders/order.model'
import type { Logger } from '../../../cloudfunctions/core/kernel/platform'
import type { OrderHookContext } from '../../../cloudfunctions/core/orders/order-type-hooks'
import { runTx, txGet } from '../../../cloudfunctions/core/kernel/transaction'
import { DomainError } from '../../../cloudfunctions/core/kernel/domain-error'
import { OWNER, FAMILY } from '../../support/personas'
import { callerIn } from '../../support/typed-world'
import { ordersContract } from '../../../cloudfunctions/contracts/orders.contract'

/** Demo personas come from one module (tests/support/personas.ts). */
export { OWNER, FAMILY }

export const HOUSEHOLD = 'h-1-1-101'
/** 上门保洁, 88.00 元 in the demo catalogue. */
export const CLEANING = { id: 'svc-cleaning', priceFen: 8800 }

export interface OrderWorld extends TestWorld {
  sandbox: SandboxPayments
  logs: { level: string; event: string; fields?: Record<string, unknown> }[]
}

/** A seeded world whose sandbox settles refunds only when a test says so. */
export async function openOrderWorld(): Promise<OrderWorld> {
  const world = await createSandboxWorld()
  const logs: OrderWorld['logs'] = []
  const logger: Logger = {
    info: (event, fields) => logs.push({ level: 'info', event, fields }),
    warn: (event, fields) => logs.push({ level: 'warn', event, fields }),
    error: (event, fields) => logs.push({ level: 'error', event, fields }),
  }
  world.platform.logger = logger
  return Object.assign(world, { logs })
}

/** The person pays, but the notify never arrives (the callback is unreachable at that moment). */
export async function payWithLostNotify(world: OrderWorld, prepayId: string, openid = OWNER): Promise<void> {
  const options = (world.sandbox as unknown as { options: { deliver: unknown } }).options
  const real = options.deliver
  options.deliver = async () => ({ errcode: -1, errmsg: 'unreachable' })
  try {
    await world.sandbox.confirm(prepayId, openid)
  } finally {
    options.deliver = real
  }
}

export async function createServiceOrder(world: TestWorld, opts: { openid?: string; requestId?: string; quantity?: number } = {}) {
  return world.call('orders', opts.openid ?? OWNER, {
    action: 'createServiceOrder',
    requestId: opts.requestId ?? rid('create'),
    householdId: HOUSEHOLD,
    serviceItemId: CLEANING.id,
    quantity: opts.quantity ?? 1,
  })
}

/** Create an order and pay it through the sandbox (the person confirms the sheet). */
export async function paidOrder(world: OrderWorld, openid = OWNER): Promise<string> {
  const created = await callerIn(world, openid).call(ordersContract, 'createServiceOrder', { householdId: HOUSEHOLD, serviceItemId: CLEANING.id, quantity: 1 })
  const { reply } = await world.sandbox.confirm(created.payment.prepayId, openid)
  if (reply.errcode !== 0) throw new Error(`notify refused: ${reply.errmsg}`)
  return created.order.orderId
}

export async function orderDoc(world: TestWorld, orderId: string): Promise<OrderDoc> {
  return (must(await world.platform.db.collection(ORDER_COLLECTIONS.orders).doc(orderId).get()).data as OrderDoc[])[0]
}

export async function refundDocs(world: TestWorld, orderId: string): Promise<RefundDoc[]> {
  return must(await world.platform.db.collection(ORDER_COLLECTIONS.refunds).where({ orderId }).limit(100).get()).data as RefundDoc[]
}

export async function opsRefund(world: TestWorld, orderId: string, amountFen?: number, requestId = rid('refund')) {
  return world.console('orders', { action: 'refund', requestId, orderId, reason: '协商退款', ...(amountFen === undefined ? {} : { amountFen }) })
}

/**
 * A group-buy-like reserve/release pair for tests: stock in `test_stock`, one hold per order in `test_holds`,
 * both changed in one transaction, so each hook is idempotent per order exactly as the contract demands.
 */
export function stockHooks(counter: { reserve: number; release: number } = { reserve: 0, release: 0 }) {
  return {
    counter,
    hooks: {
      reserve: async (ctx: OrderHookContext, order: OrderDoc) => {
        counter.reserve += 1
        const qty = order.lines[0].quantity
        await runTx(ctx.platform.db, async (t) => {
          if (await txGet(t, 'test_holds', order._id)) return
          const sku = await txGet<{ stock: number }>(t, 'test_stock', 'sku-1')
          if (!sku || sku.stock < qty) throw new DomainError('GROUPBUY.SOLD_OUT', '已售罄')
          must(await t.collection('test_stock').doc('sku-1').update({ stock: sku.stock - qty }))
          must(await t.collection('test_holds').add({ _id: order._id, qty, status: 'held' }))
        })
      },
      release: async (ctx: OrderHookContext, order: OrderDoc) => {
        counter.release += 1
        await runTx(ctx.platform.db, async (t) => {
          const hold = await txGet<{ qty: number; status: string }>(t, 'test_holds', order._id)
          if (!hold || hold.status !== 'held') return
          const sku = await txGet<{ stock: number }>(t, 'test_stock', 'sku-1')
          must(await t.collection('test_holds').doc(order._id).update({ status: 'released' }))
          must(await t.collection('test_stock').doc('sku-1').update({ stock: sku!.stock + hold.qty }))
        })
      },
    },
  }
}

export async function stockLeft(world: TestWorld): Promise<number> {
  return (must(await world.platform.db.collection('test_stock').doc('sku-1').get()).data as { stock: number }[])[0].stock
}
