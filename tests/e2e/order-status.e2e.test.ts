import type { Page } from 'playwright-core'
import { openApp, screenshot, startE2E, type E2E } from './support/e2e'
import { must } from '../../cloudfunctions/core/kernel/db-result'
import { ORDER_COLLECTIONS } from '../../cloudfunctions/core/orders'
import { expireUnpaidOrders } from '../../cloudfunctions/core/orders/expire-orders'
import type { SandboxPayments } from '../../cloudfunctions/platform/local/sandbox-pay/sandbox-payments'

/**
 * The Must-show of the one order status model: one order of each type (service, fee, group buy) is driven
 * through every state it can reach, and at each state every page where that order appears is opened in
 * Chromium at 375×812 and must show the same status:
 *   我的订单 (list card) · 订单详情 · for group buys 我的团购 (card) and 团购订单 · for fees 缴费记录 and the receipt.
 * States are moved the way production moves them: the sandbox's pay notify, the console's fulfil/refund
 * events, the closing job, the steward's pickup, the expiry timer.
 */
let e2e: E2E
let page: Page
const PHONE = { width: 375, height: 812 }
const OWNER = 'demo-owner'
const HOUSE = 'h-1-1-101'
let seq = 0
const rid = () => `e2e-status-${Date.now()}-${seq++}`

beforeAll(async () => {
  e2e = await startE2E()
  // Refunds settle when the test says so, so the 退款中 state can be looked at.
  ;(e2e.stack.platform.ports.payments as SandboxPayments).autoSettleRefunds = false
  page = await openApp(e2e, { persona: 'owner', path: '/pages/mine/index', viewport: PHONE })
})
afterAll(async () => {
  await page?.context().close()
  await e2e?.close()
})

const sandbox = () => e2e.stack.platform.ports.payments as SandboxPayments

async function call<T = any>(fn: string, event: Record<string, unknown>, openid?: string): Promise<T> {
  const url = openid ? `${e2e.baseUrl}/fn/${fn}` : `${e2e.baseUrl}/console/fn/${fn}`
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(openid ? { 'x-dev-openid': openid } : {}) }, body: JSON.stringify(event) })
  const reply = (await res.json()) as { ok: boolean; data?: T; code?: string; message?: string }
  if (!reply.ok) throw new Error(`${fn}.${String(event.action)}: ${reply.code} ${reply.message}`)
  return reply.data as T
}

/** Opens a route afresh (a hash change alone may keep the old page mounted) and returns the badge text found by `read`. */
async function visit(route: string, read: (p: Page) => Promise<string>): Promise<string> {
  await page.goto(`${e2e.baseUrl}/#${route}`)
  await page.reload()
  return read(page)
}

const badgeIn = (selector: string) => async (p: Page) => {
  const badge = p.locator(`${selector} [data-testid="order-status"]`).first()
  await badge.waitFor({ timeout: 15_000 })
  return (await badge.innerText()).trim()
}
const headline = badgeIn('body')

type Kind = 'service' | 'fee' | 'groupbuy'
/** Every page where an order of this kind appears (fee receipts exist only once paid). */
function pagesFor(kind: Kind, orderId: string, paid: boolean): [string, string, (p: Page) => Promise<string>][] {
  const pages: [string, string, (p: Page) => Promise<string>][] = [
    ['我的订单', '/packages/orders/pages/index/index', badgeIn(`[data-testid="order-card"][data-order-id="${orderId}"]`)],
    ['订单详情', `/packages/orders/pages/detail/index?orderId=${orderId}`, headline],
  ]
  if (kind === 'groupbuy') {
    pages.push(['我的团购', '/packages/groupbuy/pages/orders/index', badgeIn(`[data-testid="entry"][data-order-id="${orderId}"]`)])
    pages.push(['团购订单', `/packages/groupbuy/pages/order/index?orderId=${orderId}`, headline])
  }
  if (kind === 'fee' && paid) {
    pages.push(['缴费记录', '/packages/fees/pages/history/index', badgeIn(`[data-testid="receipt-card"][data-order-id="${orderId}"]`)])
    pages.push(['收据', `/packages/fees/pages/receipt/index?receiptId=${orderId}`, headline])
  }
  return pages
}

const seen: string[] = []
/** At one state: every page shows `expected`; the API's display agrees; one screenshot of the detail. */
async function expectEverywhere(kind: Kind, orderId: string, expected: string, opts: { paid?: boolean; shot?: string } = {}) {
  const api = await call<{ order: { display: { label: string } } }>('orders', { action: 'detail', orderId }, OWNER)
  expect(api.order.display.label).toBe(expected)
  const shown: Record<string, string> = {}
  for (const [name, route, read] of pagesFor(kind, orderId, opts.paid ?? true)) {
    shown[name] = await visit(route, read)
    if (opts.shot && name === '订单详情') await screenshot(page, opts.shot)
  }
  seen.push(`${kind} ${expected}: ${Object.keys(shown).join(' · ')}`)
  expect(shown).toEqual(Object.fromEntries(Object.keys(shown).map((k) => [k, expected])))
}

async function expire(orderId: string) {
  // The 15 minutes pass: the order's deadline is moved into the past, then the real expiry timer runs.
  must(await e2e.stack.platform.db.collection(ORDER_COLLECTIONS.orders).doc(orderId).update({ expiresAt: new Date(Date.now() - 60_000) }))
  const platform = e2e.stack.platform
  await expireUnpaidOrders({ platform, now: () => platform.clock.now() })
}

async function serviceOrder(): Promise<{ orderId: string; prepayId: string }> {
  const { items } = await call<{ items: { id: string }[] }>('orders', { action: 'serviceCatalog' }, OWNER)
  const placed = await call('orders', { action: 'createServiceOrder', requestId: rid(), householdId: HOUSE, serviceItemId: items[0].id, quantity: 1 }, OWNER)
  return { orderId: placed.order.orderId, prepayId: placed.payment.prepayId }
}

test('a service order reads the same on every page through 待支付 → 待服务 → 已完成 → 退款中 → 已退款, and 已取消 / 已关闭', async () => {
  const a = await serviceOrder()
  await expectEverywhere('service', a.orderId, '待支付', { shot: 'status-service-created' })
  await sandbox().confirm(a.prepayId, OWNER)
  await expectEverywhere('service', a.orderId, '待服务', { shot: 'status-service-paid' })
  await call('orders', { action: 'fulfil', requestId: rid(), orderId: a.orderId })
  await expectEverywhere('service', a.orderId, '已完成')
  await call('orders', { action: 'refund', requestId: rid(), orderId: a.orderId, reason: '服务不满意，物业协商退款' })
  await expectEverywhere('service', a.orderId, '退款中', { shot: 'status-service-refunding' })
  await sandbox().settleRefunds()
  await expectEverywhere('service', a.orderId, '已退款', { shot: 'status-service-refunded' })
  expect(await page.locator('[data-testid="refund-row"]').innerText()).toContain('¥')

  const b = await serviceOrder()
  await call('orders', { action: 'cancel', requestId: rid(), orderId: b.orderId }, OWNER)
  await expectEverywhere('service', b.orderId, '已取消')

  const c = await serviceOrder()
  await expire(c.orderId)
  await expectEverywhere('service', c.orderId, '已关闭', { shot: 'status-service-expired' })
}, 240_000)

test('a fee order: 待支付 → 已缴费 (also on 缴费记录 and the receipt) → 退款中 → 已退款', async () => {
  const unpaid = await call<{ households: { items: { bills: { billId: string }[] }[] }[] }>('fees', { action: 'unpaid' }, OWNER)
  const billIds = unpaid.households.flatMap((h) => h.items.flatMap((i) => i.bills.map((b) => b.billId))).slice(0, 1)
  expect(billIds).toHaveLength(1)
  const placed = await call('fees', { action: 'pay', requestId: rid(), billIds }, OWNER)
  const orderId: string = placed.orderId ?? placed.order?.orderId
  await expectEverywhere('fee', orderId, '待支付', { paid: false })
  await sandbox().confirm(placed.payment.prepayId, OWNER)
  await expectEverywhere('fee', orderId, '已缴费', { shot: 'status-fee-paid' })
  await call('orders', { action: 'refund', requestId: rid(), orderId, reason: '重复缴费退回' })
  await expectEverywhere('fee', orderId, '退款中')
  await sandbox().settleRefunds()
  await expectEverywhere('fee', orderId, '已退款')
}, 240_000)

async function campaign(title: string, minParticipants: number) {
  const now = Date.now()
  const minute = 60_000
  const { campaignId } = await call('ops', {
    action: 'groupbuyCreateCampaign',
    communityId: 'c-sunshine',
    title,
    description: '状态一致性测试',
    minParticipants,
    deadline: new Date(now + 30 * minute).toISOString(),
    pickup: { point: '物业服务中心（1栋旁）', startsAt: new Date(now + 31 * minute).toISOString(), endsAt: new Date(now + 600 * minute).toISOString() },
    skus: [{ title: '土鸡蛋 30枚', priceFen: 3990, stock: 50, limitPerHousehold: 4 }],
  })
  const detail = await call('groupbuy', { action: 'campaign', campaignId }, OWNER)
  return { campaignId: campaignId as string, skuId: detail.campaign.skus[0].skuId as string }
}

async function buy(campaignId: string, skuId: string, quantity: number) {
  const placed = await call('groupbuy', { action: 'placeOrder', requestId: rid(), campaignId, householdId: HOUSE, items: [{ skuId, quantity }], contact: { name: '王建国', phone: '13800001234' } }, OWNER)
  return { orderId: placed.order.orderId as string, prepayId: placed.payment.prepayId as string }
}

test('a group buy: 待支付 → 待成团 → 待提货 → 部分提货 → 已提货; a failed group 退款中 → 已退款; an unpaid one 已关闭', async () => {
  const formed = await campaign('状态测试·成团', 1)
  const a = await buy(formed.campaignId, formed.skuId, 2)
  await expectEverywhere('groupbuy', a.orderId, '待支付')
  await sandbox().confirm(a.prepayId, OWNER)
  await expectEverywhere('groupbuy', a.orderId, '待成团', { shot: 'status-groupbuy-forming' })
  await call('ops', { action: 'groupbuyCloseNow', requestId: rid(), campaignId: formed.campaignId })
  await expectEverywhere('groupbuy', a.orderId, '待提货', { shot: 'status-groupbuy-ready' })
  // The detail page shows where and what to collect, and the code.
  await visit(`/packages/orders/pages/detail/index?orderId=${a.orderId}`, headline)
  expect(await page.locator('[data-testid="pickup-point"]').innerText()).toBe('物业服务中心（1栋旁）')
  const code = (await page.locator('[data-testid="pickup-code"]').innerText()).replace(/\s/g, '')
  expect(code).toMatch(/^\d{8}$/)
  await call('groupbuy', { action: 'redeemPickup', requestId: rid(), code, orderId: a.orderId, items: [{ skuId: formed.skuId, quantity: 1 }] }, 'demo-steward')
  await expectEverywhere('groupbuy', a.orderId, '部分提货', { shot: 'status-groupbuy-partly' })
  // The generic detail shows per item what was handed over (the last page visited was 团购订单).
  await visit(`/packages/orders/pages/detail/index?orderId=${a.orderId}`, headline)
  expect(await page.locator('[data-testid="pickup-line"]').innerText()).toContain('已提 1，待提 1')
  await screenshot(page, 'status-groupbuy-partly-detail')
  await call('groupbuy', { action: 'redeemPickup', requestId: rid(), code, orderId: a.orderId }, 'demo-steward')
  await expectEverywhere('groupbuy', a.orderId, '已提货', { shot: 'status-groupbuy-done' })

  const failing = await campaign('状态测试·未成团', 50)
  const b = await buy(failing.campaignId, failing.skuId, 1)
  await sandbox().confirm(b.prepayId, OWNER)
  await expectEverywhere('groupbuy', b.orderId, '待成团')
  await call('ops', { action: 'groupbuyCloseNow', requestId: rid(), campaignId: failing.campaignId })
  await expectEverywhere('groupbuy', b.orderId, '退款中', { shot: 'status-groupbuy-refunding' })
  await visit(`/packages/orders/pages/detail/index?orderId=${b.orderId}`, headline)
  expect(await page.locator('[data-testid="order-status-hint"]').innerText()).toContain('未成团')
  await sandbox().settleRefunds()
  await expectEverywhere('groupbuy', b.orderId, '已退款')

  const open = await campaign('状态测试·未支付', 1)
  const c = await buy(open.campaignId, open.skuId, 1)
  await expire(c.orderId)
  await expectEverywhere('groupbuy', c.orderId, '已关闭')
  process.stdout.write(`order status compared on:\n  ${seen.join('\n  ')}\n`)
}, 300_000)
