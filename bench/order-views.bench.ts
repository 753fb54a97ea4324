import { createTestWorld, rid, type TestWorld } from '../tests/support/test-platform'
import type { SandboxPayments } from '../cloudfunctions/platform/local/sandbox-pay/sandbox-payments'
import type { BenchRow } from './bench-table'

/**
 * What the one order status model costs on the pages that list orders: wire calls to the database and time
 * per call of 我的订单 (orders.list, with the group-buy describe hook), 订单详情 of a group buy, 我的团购 and
 * 缴费记录, for an owner with 20 group-buy orders and 10 service orders. Call counts do not depend on the
 * machine's load; times do (the note says so).
 */
const OWNER = 'demo-owner'
const HOUSE = 'h-1-1-101'

async function ok<T = any>(world: TestWorld, fn: string, event: Record<string, unknown>): Promise<T> {
  const res = await world.call(fn, OWNER, event)
  if (!res.ok) throw new Error(`${fn}.${String(event.action)}: ${res.code}`)
  return res.data as T
}

async function measure(world: TestWorld, runs: number, body: () => Promise<unknown>): Promise<{ ops: number; ms: number }> {
  const engine = world.platform.local.engine
  let ops = 0
  const started = performance.now()
  for (let i = 0; i < runs; i++) {
    engine.resetCallCount()
    await body()
    ops += engine.callCount
  }
  return { ops: ops / runs, ms: (performance.now() - started) / runs }
}

export default async function orderViewsBench(): Promise<BenchRow[]> {
  const world = await createTestWorld({ seed: true })
  const sandbox = world.platform.ports.payments as SandboxPayments
  try {
    const now = world.clock.now().getTime()
    const created = await world.console('ops', {
      action: 'groupbuyCreateCampaign',
      requestId: rid('camp'),
      communityId: 'c-sunshine',
      title: '基准测试鸡蛋团',
      description: 'bench',
      minParticipants: 1,
      deadline: new Date(now + 3_600_000).toISOString(),
      pickup: { point: '物业服务中心', startsAt: new Date(now + 3_700_000).toISOString(), endsAt: new Date(now + 9_000_000).toISOString() },
      skus: [{ title: '土鸡蛋 30枚', priceFen: 3990, stock: 500, limitPerHousehold: 50 }],
    })
    if (!created.ok) throw new Error(`campaign: ${created.code}`)
    const campaignId = (created.data as { campaignId: string }).campaignId
    const campaign = await ok(world, 'groupbuy', { action: 'campaign', campaignId })
    const skuId = campaign.campaign.skus[0].skuId as string
    let lastGroupbuy = ''
    for (let i = 0; i < 20; i++) {
      const placed = await ok(world, 'groupbuy', { action: 'placeOrder', requestId: rid('gb'), campaignId, householdId: HOUSE, items: [{ skuId, quantity: 1 }] })
      lastGroupbuy = placed.order.orderId
      // Half paid, half left unpaid: the page mixes 待成团 and 待支付 rows.
      if (i % 2 === 0) await sandbox.confirm(placed.payment.prepayId, OWNER)
    }
    for (let i = 0; i < 10; i++) {
      const placed = await ok(world, 'orders', { action: 'createServiceOrder', requestId: rid('svc'), householdId: HOUSE, serviceItemId: 'svc-cleaning' })
      await sandbox.confirm(placed.payment.prepayId, OWNER)
    }
    const runs = 20
    const list = await measure(world, runs, () => ok(world, 'orders', { action: 'list', status: 'all', limit: 20 }))
    const detail = await measure(world, runs, () => ok(world, 'orders', { action: 'detail', orderId: lastGroupbuy }))
    const mine = await measure(world, runs, () => ok(world, 'groupbuy', { action: 'myOrders', limit: 10 }))
    const fees = await measure(world, runs, () => ok(world, 'fees', { action: 'history', limit: 20 }))
    const note = 'shared 2-core machine; ms under load'
    return [
      { area: 'order views', metric: '我的订单 (20 rows, group buys + services): DB calls', value: list.ops.toFixed(1), note: 'incl. access + describe hook' },
      { area: 'order views', metric: '我的订单: ms per call', value: list.ms.toFixed(1), note },
      { area: 'order views', metric: '订单详情 (group buy, with pickup): DB calls', value: detail.ops.toFixed(1) },
      { area: 'order views', metric: '订单详情: ms per call', value: detail.ms.toFixed(1), note },
      { area: 'order views', metric: '我的团购 (10 rows): DB calls', value: mine.ops.toFixed(1) },
      { area: 'order views', metric: '缴费记录 (with order status): DB calls', value: fees.ops.toFixed(1) },
    ]
  } finally {
    await world.close()
  }
}
