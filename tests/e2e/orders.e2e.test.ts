import type { Page } from 'playwright-core'
import { openApp, screenshot, startE2E, type E2E } from './support/e2e'

/**
 * The whole money path in Chromium on the H5 build: order a paid service, pay in the sandbox sheet (the
 * sandbox gateway sends the real-shaped notify to paycallback), see it paid, request a refund, see it
 * refunded once the sandbox's refund notify lands.
 */
let e2e: E2E

beforeAll(async () => {
  e2e = await startE2E()
})
afterAll(async () => {
  await e2e?.close()
})

async function confirmModal(page: Page, button: string) {
  const modal = page.locator('.taro-modal__foot')
  await modal.waitFor()
  await modal.getByText(button, { exact: true }).click()
}

test('order 上门保洁, pay in the sandbox sheet, see it paid, refund it', async () => {
  const page = await openApp(e2e, { persona: 'owner', path: '/packages/orders/pages/services/index' })
  const cleaning = page.locator('[data-testid="service-item"]', { hasText: '上门保洁' })
  await cleaning.waitFor()
  await screenshot(page, 'orders-services')
  await cleaning.locator('.nut-button', { hasText: '立即预约' }).click()

  const sheet = page.locator('[data-testid="sandbox-pay-sheet"]')
  await sheet.getByText('¥88.00').waitFor()
  await screenshot(page, 'orders-sandbox-sheet')
  await sheet.locator('.nut-button', { hasText: '确认支付' }).click()

  await page.waitForURL(/packages\/orders\/pages\/detail\/index\?orderId=od/)
  const status = page.locator('[data-testid="order-status"]')
  await page.waitForFunction(() => document.querySelector('[data-testid="order-status"]')?.textContent === '待服务')
  expect(await page.locator('[data-testid="order-timeline"]').innerText()).toContain('微信支付')
  await screenshot(page, 'orders-detail-paid')

  await page.locator('.order-actions .nut-button', { hasText: '申请退款' }).click()
  await confirmModal(page, '申请退款')
  await page.locator('[data-testid="refund-row"]').waitFor()
  // The sandbox settles the refund a moment later and notifies; pull the detail again until it shows.
  let shown = ''
  for (let i = 0; i < 30 && shown !== '已退款'; i++) {
    await page.waitForTimeout(500)
    await page.reload()
    await status.waitFor()
    shown = await status.innerText()
  }
  expect(shown).toBe('已退款')
  expect(await page.locator('[data-testid="refund-row"]').innerText()).toContain('¥88.00')
  await screenshot(page, 'orders-detail-refunded')

  await page.goto(`${e2e.baseUrl}/#/packages/orders/pages/index/index`)
  const card = page.locator('[data-testid="order-card"]').first()
  await card.waitFor()
  expect(await card.innerText()).toContain('已退款')
  await screenshot(page, 'orders-list')
  await page.context().close()
})
