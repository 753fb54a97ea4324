import { openApp, screenshot, startE2E, type E2E } from './support/e2e'
import { must } from '../../cloudfunctions/core/kernel/db-result'
import { GROUPBUY_COLLECTIONS, type TouchDoc } from '../../cloudfunctions/core/groupbuy/groupbuy.model'

/**
 * The group-buy path in Chromium on the H5 build: a resident opens a steward's shared campaign (the URL a
 * share card carries), orders, pays in the sandbox sheet, sees the pickup code once ops close the campaign,
 * and the steward redeems that code at the pickup point (a second try is refused).
 */
let e2e: E2E

beforeAll(async () => {
  e2e = await startE2E()
})
afterAll(async () => {
  await e2e?.close()
})

async function consoleCall(fn: string, event: Record<string, unknown>) {
  const res = await fetch(`${e2e.baseUrl}/console/fn/${fn}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(event) })
  const reply = (await res.json()) as { ok: boolean; data?: any; code?: string }
  if (!reply.ok) throw new Error(`${fn}.${String(event.action)}: ${reply.code}`)
  return reply.data
}

test("a resident orders from a steward's card, pays, gets a pickup code; the steward redeems it once", async () => {
  const now = Date.now()
  const hour = 3600_000
  const { campaignId } = await consoleCall('ops', {
    action: 'groupbuyCreateCampaign',
    communityId: 'c-sunshine',
    title: '周末鲜奶团',
    description: '本地牧场鲜奶，冷链到小区',
    minParticipants: 1,
    deadline: new Date(now + 24 * hour).toISOString(),
    pickup: { point: '物业服务中心', startsAt: new Date(now + 30 * hour).toISOString(), endsAt: new Date(now + 34 * hour).toISOString() },
    skus: [
      { title: '鲜牛奶 950ml', priceFen: 1590, stock: 50, limitPerHousehold: 4 },
      { title: '酸奶 6杯装', priceFen: 2290, stock: 30, limitPerHousehold: 2 },
    ],
  })

  // The resident opens the card the steward shared into the group chat.
  const page = await openApp(e2e, { persona: 'owner', path: `/packages/groupbuy/pages/detail/index?campaignId=${campaignId}&stewardId=s-steward` })
  await page.locator('[data-testid="campaign-title"]', { hasText: '周末鲜奶团' }).waitFor()
  expect(await page.locator('[data-testid="progress"]').innerText()).toContain('已有 0 户参团，差 1 户成团')
  expect(await page.locator('[data-testid="countdown"]').innerText()).toMatch(/距截止 \d{2}:\d{2}:\d{2}/)
  const milk = page.locator('[data-testid="sku"]', { hasText: '鲜牛奶' })
  await milk.locator('[data-testid="sku-plus"]').click()
  await milk.locator('[data-testid="sku-plus"]').click()
  await page.getByText('合计 ¥31.80').waitFor()
  await screenshot(page, 'groupbuy-detail')
  await page.locator('[data-testid="checkout"]').click()

  const sheet = page.locator('[data-testid="sandbox-pay-sheet"]')
  await sheet.getByText('¥31.80').waitFor()
  await sheet.locator('.nut-button', { hasText: '确认支付' }).click()
  await page.waitForURL(/packages\/groupbuy\/pages\/orders\/index/)
  const stage = page.locator('[data-testid="entry-stage"]').first()
  await page.waitForFunction(() => document.querySelector('[data-testid="entry-stage"]')?.textContent === '已支付，等待成团')
  await screenshot(page, 'groupbuy-my-orders-paid')

  // Opening the card recorded the touch the attribution work builds on.
  const touches = must(await e2e.stack.platform.db.collection(GROUPBUY_COLLECTIONS.touches).where({ campaignId }).get()).data as TouchDoc[]
  expect(touches).toEqual([expect.objectContaining({ residentOpenid: 'demo-owner', stewardId: 's-steward', stewardOpenid: 'demo-steward' })])

  // Ops end the campaign (it has its one household): formed, pickup codes issued.
  expect(await consoleCall('ops', { action: 'groupbuyCloseNow', campaignId })).toMatchObject({ formed: 1, pickupCodesIssued: 1 })
  await page.reload()
  const codeText = page.locator('[data-testid="pickup-code"]')
  await codeText.waitFor()
  expect(await stage.innerText()).toBe('已成团，待提货')
  const code = (await codeText.innerText()).replace(/\s/g, '')
  expect(code).toMatch(/^\d{8}$/)
  expect(await page.locator('.qr-matrix').getAttribute('data-code')).toBe(`GB:${code}`)
  await screenshot(page, 'groupbuy-pickup-code')
  await page.context().close()

  // The steward at the pickup point types the code.
  const steward = await openApp(e2e, { persona: 'steward', path: '/packages/groupbuy/pages/pickup/index' })
  const input = steward.locator('[data-testid="pickup-input"] input, input[data-testid="pickup-input"]').first()
  await input.fill(code)
  await steward.locator('.nut-button', { hasText: /^核销$/ }).click()
  const done = steward.locator('[data-testid="pickup-done"]')
  await done.waitFor()
  expect(await done.innerText()).toContain('鲜牛奶 950ml × 2')
  expect(await done.innerText()).toContain('1栋1单元101')
  await screenshot(steward, 'groupbuy-pickup-redeemed')
  await input.fill(code)
  await steward.locator('.nut-button', { hasText: /^核销$/ }).click()
  const refused = steward.locator('[data-testid="pickup-refused"]')
  await refused.waitFor()
  expect(await refused.innerText()).toContain('已核销')
  await steward.context().close()

  const again = await openApp(e2e, { persona: 'owner', path: '/packages/groupbuy/pages/orders/index' })
  await again.waitForFunction(() => document.querySelector('[data-testid="entry-stage"]')?.textContent === '已提货')
  // The list: the seeded live campaign with its progress, and this one, formed.
  await again.goto(`${e2e.baseUrl}/#/packages/groupbuy/pages/index/index`)
  const formed = again.locator('[data-testid="campaign-item"]', { hasText: '周末鲜奶团' })
  await formed.waitFor()
  expect(await formed.innerText()).toContain('已成团')
  expect(await again.locator('[data-testid="campaign-item"]', { hasText: '冬季鲜果团' }).innerText()).toContain('已有 0 户参团，差 10 户成团')
  await screenshot(again, 'groupbuy-list')
  await again.context().close()
})
