import type { Page } from 'playwright-core'
import { must } from '../../cloudfunctions/core/kernel/db-result'
import { invokeLocal, asConsole, asTimer } from '../../cloudfunctions/platform/local/invoke-local'
import { MERCHANT_COLLECTIONS, type ProfitShareDoc } from '../../cloudfunctions/core/merchants/merchant.model'
import { monthOf } from '../../cloudfunctions/core/metrics'
import { openApp, screenshot, startE2E, type E2E } from './support/e2e'
import { pageSettled } from './support/e2e-suite'

/**
 * Merchants in Chromium on the H5 build (375×812): the owner buys 上门保洁 (sold by 洁家家政), asks for its
 * invoice from 我的 › 订单发票 and sees 洁家 named as issuer; 洁家's staff member sees that order (and only
 * theirs), marks the service done, finds the invoice request in their queue and their own statement;
 * the other merchant's staff sees none of it.
 */
let e2e: E2E
const PHONE = { width: 375, height: 812 }
/** The server's clock runs this far ahead of real time (the last test lets the month close). */
let clockShiftMs = 0

beforeAll(async () => {
  e2e = await startE2E({ clock: { now: () => new Date(Date.now() + clockShiftMs) } })
  // Last month's settled sales of both merchants (what the monthly timer would have produced).
  const db = e2e.stack.platform.db
  const entry = (id: string, merchantId: string, gross: number, merchant: number, title: string) => ({
    _id: id, kind: 'sale', merchantId, communityId: 'c-sunshine', orderId: `od-e2e-${id}`, title, grossFen: gross, merchantFen: merchant, commissionFen: gross - merchant,
    at: new Date('2026-11-20T04:00:00.000Z'), availableMonth: '2026-11', state: 'open', statementId: null, sharedFen: 0, returnedFen: 0,
  })
  must(await db.collection(MERCHANT_COLLECTIONS.ledger).add(entry('sale-e2e-1', 'm-jiejia', 8800, 8096, '上门保洁（2小时）')))
  must(await db.collection(MERCHANT_COLLECTIONS.ledger).add(entry('sale-e2e-2', 'm-xianfeng', 5000, 4700, '赣南脐橙 5斤装')))
  const settled = await invokeLocal(e2e.stack.platform, 'merchants', { action: 'settle', period: '2026-11' }, asConsole)
  expect(settled).toMatchObject({ ok: true, data: { settled: 2 } })
})
afterAll(async () => {
  await e2e?.close()
})

async function payCleaning(page: Page): Promise<string> {
  const cleaning = page.locator('[data-testid="service-item"]', { hasText: '上门保洁' })
  await cleaning.waitFor()
  await cleaning.locator('.nut-button', { hasText: '立即预约' }).click()
  const sheet = page.locator('[data-testid="sandbox-pay-sheet"]')
  await sheet.getByText('¥88.00').waitFor()
  await sheet.locator('.nut-button', { hasText: '确认支付' }).click()
  await page.waitForURL(/packages\/orders\/pages\/detail\/index\?orderId=od/)
  await page.waitForFunction(() => document.querySelector('[data-testid="order-status"]')?.textContent === '待服务')
  return new URL(page.url().replace('#', '')).searchParams.get('orderId')!
}

test('a resident asks for the invoice of a merchant sale: 洁家 is the issuer and the request lands in 洁家’s queue only', async () => {
  const owner = await openApp(e2e, { persona: 'owner', path: '/packages/orders/pages/services/index', viewport: PHONE })
  const orderId = await payCleaning(owner)

  // 我的 › 订单发票
  await owner.goto(`${e2e.baseUrl}/#/pages/mine/index`)
  await owner.getByText('订单发票（团购、服务）').click()
  const row = owner.locator(`[data-testid="invoice-order"][data-order-id="${orderId}"]`)
  await row.waitFor()
  expect(await row.locator('[data-testid="issuer"]').innerText()).toBe('开票方：洁家家政服务')
  await row.locator('[data-testid="ask-invoice"]').click()
  await row.locator('[data-testid="title-name"] input').fill('王先生')
  await screenshot(owner, 'merchants-resident-invoice-form')
  await row.locator('[data-testid="submit-invoice"]').click()
  await row.getByText('开票中').waitFor()
  await screenshot(owner, 'merchants-resident-invoice-requested')

  // 洁家's staff member: home board, the order, mark done, the invoice queue, the statement.
  const staff = await openApp(e2e, { persona: 'merchant', viewport: PHONE })
  const board = staff.locator('[data-testid="merchant-board"]')
  await board.waitFor()
  expect(await board.innerText()).toContain('洁家家政服务')
  expect(await staff.locator('[data-testid="count-to-deliver"] .kpi__value').innerText()).toBe('1')
  await screenshot(staff, 'merchants-staff-home')
  await staff.locator('[data-testid="count-to-deliver"]').click()
  const orders = staff.locator('[data-testid="merchant-order"]')
  await orders.first().waitFor()
  expect(await orders.count()).toBe(1)
  expect(await orders.first().getAttribute('data-order-id')).toBe(orderId)
  expect(await orders.first().innerText()).toContain('本店应得 ¥80.96')
  await pageSettled(staff, '[data-testid="merchant-order"]')
  await screenshot(staff, 'merchants-staff-orders')
  await orders.first().locator('[data-testid="mark-delivered"]').click()
  await staff.getByText('没有待送达的订单').waitFor()
  // Back on the home tab the count follows at once (it stayed at 1 while the list was empty).
  await staff.goBack()
  await staff.waitForFunction(() => document.querySelectorAll('.taro_page').length === 1)
  await staff.waitForFunction(() => document.querySelector('[data-testid="count-to-deliver"] .kpi__value')?.textContent === '0')
  await staff.locator('[data-testid="count-to-deliver"]').click()
  await staff.getByText('没有待送达的订单').waitFor()

  // The order's split, as the order records it: 卖方, 扣点, 应结 (not how the property company divides its 扣点).
  await staff.locator('[data-testid="tab-all"]').click()
  await staff.locator(`[data-testid="merchant-order"][data-order-id="${orderId}"] [data-testid="split-link"]`).click()
  await staff.waitForURL(/packages\/merchants\/pages\/order\/index\?orderId=/)
  const split = staff.locator('[data-testid="order-split"]')
  await split.waitFor()
  expect(await split.locator('[data-testid="split-seller"]').innerText()).toBe('洁家家政服务')
  expect(await split.locator('[data-testid="split-rate"]').innerText()).toBe('8%')
  expect(await split.locator('[data-testid="split-merchant"]').innerText()).toBe('¥80.96')
  expect(await split.locator('[data-testid="split-steward"]').count()).toBe(0)
  await pageSettled(staff, '[data-testid="order-split"]')
  await screenshot(staff, 'merchants-staff-order-split')
  await staff.goBack()

  await staff.locator('[data-testid="tab-invoices"]').click()
  const request = staff.locator(`[data-testid="invoice-request"][data-order-id="${orderId}"]`)
  await request.waitFor()
  expect(await request.innerText()).toContain('王先生')
  await screenshot(staff, 'merchants-staff-invoices')

  await staff.locator('[data-testid="tab-statements"]').click()
  const statements = staff.locator('[data-testid="merchant-statement"]')
  await statements.first().waitFor()
  expect(await statements.count()).toBe(1)
  expect(await statements.first().locator('[data-testid="statement-payable"]').innerText()).toBe('本期应付 ¥80.96')
  await screenshot(staff, 'merchants-staff-statement')

  // The other merchant sees none of 洁家's orders or invoices, and only its own statement.
  const other = await openApp(e2e, { persona: 'merchant2', path: '/packages/merchants/pages/workbench/index?tab=all', viewport: PHONE })
  await other.getByText('还没有订单').waitFor()
  await other.locator('[data-testid="tab-invoices"]').click()
  await other.getByText('没有发票申请').waitFor()
  await other.locator('[data-testid="tab-statements"]').click()
  await other.locator('[data-testid="merchant-statement"]').first().waitFor()
  expect(await other.locator('[data-testid="statement-payable"]').allInnerTexts()).toEqual(['本期应付 ¥47.00'])
})

test('ops see the merchants, who sells what at which 扣点, and the month report', async () => {
  const ops = await openApp(e2e, { persona: 'ops', viewport: PHONE })
  await ops.locator('[data-testid="ops-merchants-link"]').click()
  await ops.locator('[data-testid="merchant-row"]').first().waitFor()
  expect(await ops.locator('[data-testid="merchant-row"]').allInnerTexts()).toEqual([expect.stringContaining('洁家家政服务'), expect.stringContaining('鲜丰果蔬')])
  // The demo merchants' 分账 receivers start pending (WeChat not reached yet): 重新登记 registers them.
  const jiejia = ops.locator('[data-testid="merchant-row"]', { hasText: '洁家家政服务' })
  const receiver = jiejia.locator('[data-testid="receiver-status"]')
  if ((await receiver.getAttribute('data-state')) !== 'added') {
    await jiejia.locator('[data-testid="retry-receiver"]').click()
    await jiejia.locator('[data-testid="receiver-status"][data-state="added"]').waitFor()
  }
  expect(await receiver.innerText()).toContain('分账接收方已登记')
  await ops.getByText('已登记为分账接收方').waitFor({ state: 'hidden' })
  await ops.evaluate(() => window.scrollTo(0, 0))
  await pageSettled(ops, '[data-testid="merchant-row"]')
  await screenshot(ops, 'merchants-ops-list')
  // Five tabs on one row at 375 and at 320 px, nothing scrolled out of sight, each a 44 px target.
  for (const width of [375, 320]) {
    await ops.setViewportSize({ width, height: 812 })
    // The page scrolls inside its Taro page box, not the window: bring the tab bar back under the title.
    await ops.locator('[data-testid="segment-tabs"]').evaluate((el) => {
      for (let box = el.parentElement; box; box = box.parentElement) box.scrollTop = 0
    })
    const bar = await ops.locator('[data-testid="segment-tabs"]').evaluate((el) => {
      const tabs = Array.from(el.children).map((c) => c.getBoundingClientRect())
      return { tabs: tabs.length, rows: new Set(tabs.map((r) => Math.round(r.top))).size, hidden: el.scrollWidth - el.clientWidth, smallest: Math.min(...tabs.map((r) => Math.min(r.width, r.height))) }
    })
    expect({ width, ...bar, smallest: bar.smallest >= 44 }).toEqual({ width, tabs: 5, rows: 1, hidden: 0, smallest: true })
    await screenshot(ops, `merchants-ops-tabs-${width}`)
  }
  await ops.setViewportSize(PHONE)
  await ops.locator('[data-testid="tab-sellers"]').click()
  const oranges = ops.locator('[data-testid="listing-row"][data-ref-id="gb-demo-oranges"]')
  await oranges.waitFor()
  expect(await oranges.innerText()).toContain('卖方：鲜丰果蔬')
  expect(await oranges.innerText()).toContain('扣点 10%')
  await screenshot(ops, 'merchants-ops-sellers')
  // 订单分账: the community's paid orders with their split; one order's page adds 物业留存 and 管家佣金.
  await ops.locator('[data-testid="tab-splits"]').click()
  const splitRow = ops.locator('[data-testid="split-row"]').first()
  await splitRow.waitFor()
  expect(await splitRow.innerText()).toContain('卖方 洁家家政服务')
  await pageSettled(ops, '[data-testid="split-row"]')
  await screenshot(ops, 'merchants-ops-splits')
  await splitRow.click()
  await ops.locator('[data-testid="order-split"]').waitFor()
  // 8800 fen at 8 %: 704 扣点, of which the steward's 3 % service commission (264) and 440 for the property company.
  expect(await ops.locator('[data-testid="split-merchant"]').innerText()).toBe('¥80.96')
  expect(await ops.locator('[data-testid="split-property"]').innerText()).toBe('¥4.40')
  expect(await ops.locator('[data-testid="split-steward"]').innerText()).toBe('¥2.64（3%）')
  await pageSettled(ops, '[data-testid="order-split"]')
  await screenshot(ops, 'merchants-ops-order-split')
  await ops.goBack()
  await ops.locator('[data-testid="tab-report"]').click()
  await ops.locator('[data-testid="prev-month"]').click()
  await ops.locator('[data-testid="report-row"]').first().waitFor()
  await screenshot(ops, 'merchants-ops-report')
})

async function fill(page: Page, testId: string, value: string) {
  await page.locator(`[data-testid="${testId}"] input, input[data-testid="${testId}"]`).first().fill(value)
}

test('a steward starts a group buy sold by a merchant: the seller picker fills its 扣点, an override needs a reason', async () => {
  const steward = await openApp(e2e, { persona: 'steward', path: '/packages/groupbuy/pages/create/index', viewport: PHONE })
  await steward.locator('[data-testid="template-fruit"]').click()
  await fill(steward, 'campaign-title', '鲜丰砂糖橘团')
  const picker = steward.locator('[data-testid="seller-picker"]')
  await picker.locator('[data-testid="seller-m-xianfeng"]').click()
  // 鲜丰果蔬's default 扣点 is 6 %; the steward asks 12 % and must say why.
  expect(await steward.locator('[data-testid="seller-rate"] input').inputValue()).toBe('6')
  await fill(steward, 'seller-rate', '12')
  await steward.locator('[data-testid="seller-reason"]').waitFor()
  await steward.locator('[data-testid="publish-campaign"]').click()
  await steward.getByText('扣点与商户默认的 6% 不同，请填写原因').waitFor()
  await fill(steward, 'seller-reason', '冷链配送由物业承担')
  const o = await steward.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }))
  expect(o.scrollWidth).toBeLessThanOrEqual(o.clientWidth)
  await steward.getByText('扣点与商户默认的 6% 不同，请填写原因').waitFor({ state: 'hidden' })
  await picker.scrollIntoViewIfNeeded()
  await screenshot(steward, 'merchants-groupbuy-seller-picker')
  await steward.locator('[data-testid="publish-campaign"]').click()
  await steward.waitForURL(/pages\/detail\/index\?campaignId=gb_/)
  const campaignId = new URL(steward.url().replace('/#/', '/')).searchParams.get('campaignId')!
  const listing = (must(await e2e.stack.platform.db.collection(MERCHANT_COLLECTIONS.listings).doc(`groupbuy-${campaignId}`).get()).data as { merchantId: string; rateBp: number; rateReason: string; updatedBy: string }[])[0]
  expect(listing).toMatchObject({ merchantId: 'm-xianfeng', rateBp: 1200, rateReason: '冷链配送由物业承担', updatedBy: 'demo-steward' })

  // Ops find it on 卖方扣点 with the seller, the 扣点 and the reason.
  const ops = await openApp(e2e, { persona: 'ops', path: '/packages/merchants/pages/ops/index', viewport: PHONE })
  await ops.locator('[data-testid="tab-sellers"]').click()
  const row = ops.locator(`[data-testid="listing-row"][data-ref-id="${campaignId}"]`)
  await row.waitFor()
  expect(await row.innerText()).toContain('卖方：鲜丰果蔬')
  expect(await row.innerText()).toContain('扣点 12%')
  expect(await row.innerText()).toContain('调整原因：冷链配送由物业承担')
})

/*
 * Runs after the tests above: the first paid 上门保洁 with profit sharing (the listing's seller is 洁家) and
 * 洁家 marked it done; the second registered 洁家's 分账 receiver. Here the reconcile timer sends the split,
 * the sandbox finishes it, the month closes and 洁家's statement shows what 分账 already paid.
 */
test('a sale paid with 分账: once the split finished, the month’s statement shows 已通过分账 and pays only the rest', async () => {
  const platform = e2e.stack.platform
  const month = monthOf(platform.clock.now())
  const sweep = await invokeLocal(platform, 'merchants', { Type: 'Timer', TriggerName: 'profitSharingReconcile', Time: platform.clock.now().toISOString() }, asTimer)
  expect(sweep).toMatchObject({ ok: true })
  const splits = must(await platform.db.collection(MERCHANT_COLLECTIONS.shares).where({ merchantId: 'm-jiejia', kind: 'split' }).limit(10).get()).data as ProfitShareDoc[]
  expect(splits.map((x) => ({ state: x.state, amountFen: x.amountFen }))).toEqual([{ state: 'finished', amountFen: 8096 }])

  // The month closes (on the server's clock only), and the monthly run settles it.
  const next = new Date()
  next.setUTCMonth(next.getUTCMonth() + 1, 2)
  clockShiftMs = next.getTime() - Date.now()
  const settlement = await invokeLocal(platform, 'merchants', { action: 'settle', period: month }, asConsole)
  expect(settlement).toMatchObject({ ok: true, data: { period: month, settled: 1 } })

  const staff = await openApp(e2e, { persona: 'merchant', path: '/packages/merchants/pages/workbench/index?tab=statements', viewport: PHONE })
  const statement = staff.locator(`[data-testid="merchant-statement"][data-period="${month}"]`)
  await statement.waitFor()
  expect(await statement.locator('[data-testid="statement-via-sharing"]').innerText()).toBe('已通过分账 ¥80.96')
  expect(await statement.locator('[data-testid="statement-payable"]').innerText()).toBe('本期应付 ¥0.00')
  expect(await statement.innerText()).toContain('本月净额 ¥80.96')
  await screenshot(staff, 'merchants-staff-statement-via-sharing')
})
