import type { Page } from 'playwright-core'
import { openApp, screenshot, startE2E, type E2E } from './support/e2e'

/**
 * 物业缴费 in Chromium on the H5 build: the demo owner (bound to 1栋1单元101) owes October's and November's
 * 物业费 and November's 停车费; they pay all three in one payment through the sandbox sheet and see the
 * receipt; the steward of 1–3栋 sees one household fewer in the arrears list.
 */
let e2e: E2E

beforeAll(async () => {
  e2e = await startE2E()
})
afterAll(async () => {
  await e2e?.close()
})

async function arrearsCount(page: Page): Promise<number> {
  const total = page.locator('[data-testid="arrears-households"]')
  await page.waitForFunction(() => /\d+ 户/.test(document.querySelector('[data-testid="arrears-households"]')?.textContent ?? ''))
  return Number((await total.innerText()).replace(/\D/g, ''))
}

test('an owner pays two months of 物业费 and one 停车费 in one payment; the steward’s arrears shrink', async () => {
  const steward = await openApp(e2e, { persona: 'steward', path: '/packages/steward/pages/arrears/index' })
  const before = await arrearsCount(steward)
  expect(before).toBeGreaterThan(0)
  await steward.locator('[data-testid="arrears-row"]').first().waitFor()
  await screenshot(steward, 'fees-steward-arrears-before')

  const owner = await openApp(e2e, { persona: 'owner', path: '/packages/fees/pages/index/index' })
  const rows = owner.locator('[data-testid="bill-row"]')
  await rows.first().waitFor()
  expect(await rows.count()).toBe(3)
  const text = await owner.locator('[data-testid="household-bills"]').innerText()
  expect(text).toContain('物业费 · 2026年')
  expect(text.match(/物业费 · /g)).toHaveLength(2)
  expect(text.match(/停车费 · /g)).toHaveLength(1)
  const unpaidTotal = await owner.locator('[data-testid="unpaid-total"]').innerText()
  await screenshot(owner, 'fees-unpaid')

  await owner.locator('[data-testid="select-all"]').click()
  await owner.waitForFunction((t) => document.querySelector('[data-testid="selected-total"]')?.textContent === t, unpaidTotal)
  await owner.locator('[data-testid="pay"]').click()
  const sheet = owner.locator('[data-testid="sandbox-pay-sheet"]')
  await sheet.getByText(unpaidTotal).waitFor()
  await screenshot(owner, 'fees-sandbox-sheet')
  // The button itself, not its label: NutUI's button element receives the tap.
  await sheet.locator('taro-button-core', { hasText: '确认支付' }).click()

  await owner.waitForURL(/packages\/fees\/pages\/receipt\/index\?receiptId=od/)
  await owner.locator('[data-testid="receipt"]').waitFor()
  expect(await owner.locator('[data-testid="receipt-total"]').innerText()).toBe(unpaidTotal)
  const lines = owner.locator('[data-testid="receipt-line"]')
  expect(await lines.count()).toBe(3)
  const receiptText = await owner.locator('[data-testid="receipt"]').innerText()
  expect(receiptText).toContain('已缴费')
  expect(await owner.locator('[data-testid="receipt-no"]').innerText()).toMatch(/^SJ\d{8}[0-9A-F]{8}$/)
  await screenshot(owner, 'fees-receipt')

  // The paid history lists the payment; the unpaid list is empty.
  await owner.goto(`${e2e.baseUrl}/#/packages/fees/pages/history/index`)
  const card = owner.locator('[data-testid="receipt-card"]').first()
  await card.waitFor()
  expect(await card.innerText()).toContain(unpaidTotal)
  await owner.goto(`${e2e.baseUrl}/#/packages/fees/pages/index/index`)
  await owner.waitForFunction(() => document.querySelector('[data-testid="unpaid-total"]')?.textContent === '¥0.00')
  expect(await owner.locator('[data-testid="bill-row"]').count()).toBe(0)

  await steward.reload()
  expect(await arrearsCount(steward)).toBe(before - 1)
  await screenshot(steward, 'fees-steward-arrears-after')
  // A reminder to the household at the top (given a bound member to receive it): previewed, confirmed, sent
  // once, then the 3-day rule greys the button out.
  const top = steward.locator('[data-testid="arrears-row"]').first()
  const household = (await top.getAttribute('data-household-id'))!
  await e2e.stack.platform.db.collection('residents').add({ _id: `r-e2e-${household}`, openid: 'e2e-member', householdId: household, communityId: 'c-sunshine', role: 'owner', status: 'active', boundAt: new Date() })
  await top.locator('taro-button-core', { hasText: '提醒缴费' }).click()
  await steward.locator('[data-testid="remind-preview"]').waitFor()
  await steward.locator('[data-testid="confirm-remind"]').click()
  await steward.locator(`[data-testid="arrears-row"][data-household-id="${household}"]`, { hasText: '3天内已提醒' }).waitFor()
  await screenshot(steward, 'fees-steward-reminded')
  await owner.context().close()
  await steward.context().close()
})
