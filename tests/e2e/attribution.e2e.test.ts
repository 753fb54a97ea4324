import type { Page } from 'playwright-core'
import { openApp, screenshot, startE2E, type E2E } from './support/e2e'
import { callGateway } from './support/gateway'

const fn = callGateway

let seq = 0
const rid = () => `e2e-attr-${Date.now().toString(36)}-${++seq}`

/** The owner orders a paid service and pays in the sandbox sheet's place (same gateway route). */
async function buyService(e2e: E2E, serviceItemId: string): Promise<string> {
  const created = await fn<{ order: { orderId: string }; payment: { prepayId: string } }>(
    e2e,
    'orders',
    { action: 'createServiceOrder', requestId: rid(), householdId: 'h-1-1-101', serviceItemId, quantity: 1 },
    'demo-owner',
  )
  const res = await fetch(`${e2e.baseUrl}/sandbox-pay/confirm`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-dev-openid': 'demo-owner' }, body: JSON.stringify({ prepayId: created.payment.prepayId }) })
  expect(((await res.json()) as { ok: boolean }).ok).toBe(true)
  return created.order.orderId
}

/** Text of every `[data-figure]` inside `scope`, by figure name. */
async function figuresIn(page: Page, scope: string): Promise<Record<string, string>> {
  return page.locator(`${scope} [data-figure]`).evaluateAll((els) => Object.fromEntries(els.map((el) => [el.getAttribute('data-figure'), (el.textContent ?? '').trim()])))
}

describe('steward dashboard and ops report in the browser', () => {
  let e2e: E2E
  beforeAll(async () => {
    e2e = await startE2E()
  })
  afterAll(async () => {
    await e2e?.close()
  })

  it('a card touch and two orders show on the steward dashboard (with a chart), with the same numbers as the ops report', async () => {
    // 1. The owner opens steward 张敏's card (the page records the touch), then buys two services.
    const card = await openApp(e2e, { persona: 'owner', path: '/packages/steward/pages/card/index?stewardId=s-steward' })
    await card.getByTestId('steward-card-name').waitFor()
    expect(await card.getByTestId('steward-card-name').textContent()).toBe('张敏')
    await screenshot(card, 'attribution-steward-card')
    await card.waitForTimeout(500) // the touch is recorded in the background of the page
    const cleaning = await buyService(e2e, 'svc-cleaning') // 88.00
    const ac = await buyService(e2e, 'svc-ac-clean') // 120.00
    const explained = await fn<{ rule: string; touch: { source: string } | null }>(e2e, 'ops', { action: 'attributionExplain', orderId: cleaning })
    expect(explained).toMatchObject({ rule: 'last_touch', touch: { source: 'steward_card' } })
    // The cleaning is done: 3% of 88.00 accrues (2.64).
    await fn(e2e, 'orders', { action: 'fulfil', requestId: rid(), orderId: cleaning })
    void ac

    // 2. The steward's dashboard: the month's figures and the six-month chart.
    const steward = await openApp(e2e, { persona: 'steward', path: '/packages/steward/pages/dashboard/index' })
    const head = steward.getByTestId('steward-figures')
    await head.locator('[data-figure="orders"]').waitFor()
    expect(await head.locator('[data-figure="orders"]').textContent()).toBe('2')
    expect(await head.locator('[data-figure="gmvFen"]').textContent()).toBe('¥208.00')
    expect(await head.locator('[data-figure="avgOrderFen"]').textContent()).toBe('¥104.00')
    expect(await head.locator('[data-figure="commissionNetFen"]').textContent()).toBe('¥2.64')
    const bars = steward.getByTestId('bar')
    expect(await bars.count()).toBe(6)
    expect(await bars.last().getAttribute('data-value')).toBe('20800')
    const lastBarHeight = await bars.last().locator('.bar-chart__bar').evaluate((el) => el.getBoundingClientRect().height)
    expect(lastBarHeight).toBeGreaterThan(50)
    expect(await steward.getByTestId('rule-last-touch').textContent()).toBe('分享卡片 2 单')
    await screenshot(steward, 'attribution-steward-dashboard')
    const onDashboard = { ...(await figuresIn(steward, '[data-testid="steward-figures"]')), ...(await figuresIn(steward, '[data-testid="steward-funnel"]')) }

    // 3. Ops open the report: 张敏's row reads exactly the same, figure by figure.
    const ops = await openApp(e2e, { persona: 'ops', path: '/packages/ops/pages/dashboard/index' })
    const row = ops.locator('[data-testid="report-row"][data-scope="steward"][data-key="demo-steward"]')
    await row.waitFor()
    const onReport = await figuresIn(ops, '[data-testid="report-row"][data-scope="steward"][data-key="demo-steward"]')
    expect(Object.keys(onDashboard).length).toBeGreaterThanOrEqual(15)
    for (const [figure, text] of Object.entries(onDashboard)) expect({ figure, text: onReport[figure] }).toEqual({ figure, text })
    expect(await ops.getByTestId('bar-chart').count()).toBe(1)
    await screenshot(ops, 'attribution-ops-dashboard')

    // …and the same as the console report event.
    const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7)
    const report = await fn<{ rows: { scope: string; key: string; orders: number; gmvFen: number; commissionNetFen: number }[] }>(e2e, 'ops', { action: 'attributionReport', communityId: 'c-sunshine', month })
    expect(report.rows.find((r) => r.scope === 'steward' && r.key === 'demo-steward')).toMatchObject({ orders: 2, gmvFen: 20800, commissionNetFen: 264 })
  })
})
