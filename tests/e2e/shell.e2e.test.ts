import type { Page } from 'playwright-core'
import { openApp, screenshot, startE2E, type E2E } from './support/e2e'

/**
 * The H5 build in Chromium at phone size against the local stack: switch persona through 我的,
 * see 我的 with the owner's household and 首页 with the community's notices.
 */
let e2e: E2E

beforeAll(async () => {
  e2e = await startE2E()
})
afterAll(async () => {
  await e2e?.close()
})

async function switchPersona(page: Page, label: string) {
  await page.locator('[data-testid="dev-persona-entry"]').click()
  await page.locator('.dev-persona-item', { hasText: label }).click()
  await page.waitForLoadState('load')
}

test('an unbound resident switches to the owner persona and sees their home on 我的', async () => {
  const page = await openApp(e2e, { persona: 'unbound', path: '/pages/mine/index' })
  await page.getByText('还没有绑定房屋').first().waitFor()
  await screenshot(page, 'shell-mine-unbound')

  await switchPersona(page, '业主 王先生')
  const item = page.locator('.household-item').first()
  await item.waitFor()
  expect(await item.innerText()).toContain('阳光花园 1栋1单元101')
  expect(await page.locator('.household-item__current').innerText()).toBe('当前')
  expect(await page.locator('.profile__dev').innerText()).toContain('业主 王先生')
  await expect(page.getByText('还没有绑定房屋').count()).resolves.toBe(0)
  await screenshot(page, 'shell-mine-owner')
  await page.context().close()
})

test('首页 shows the community notices, pinned first; 服务 opens a subpackage', async () => {
  const page = await openApp(e2e, { persona: 'owner', path: '/pages/index/index' })
  await page.locator('.notice-card').first().waitFor()
  expect(await page.locator('.home-header__community').innerText()).toBe('阳光花园')
  const titles = await page.locator('.notice-card__title').allInnerTexts()
  expect(titles[0]).toMatch(/^\d+月\d+日 1栋电梯维保$/)
  expect(titles).toHaveLength(3)
  expect(await page.locator('.notice-card').first().locator('.notice-card__tag').allInnerTexts()).toEqual(['置顶', '1栋'])
  await screenshot(page, 'shell-home-owner')

  await page.getByText('服务', { exact: true }).last().click()
  await page.locator('.service-tile').first().waitFor()
  await screenshot(page, 'shell-services-owner')
  await page.locator('.service-tile', { hasText: '物业缴费' }).click()
  await page.waitForURL(/packages\/fees\/pages\/index\/index/)
  await page.close()
})

test('a steward sees the workbench entry on 服务', async () => {
  const page = await openApp(e2e, { persona: 'steward', path: '/pages/services/index' })
  await page.locator('.service-tile', { hasText: '管家工作台' }).waitFor()
  expect(await page.locator('.service-tile', { hasText: '运营看板' }).count()).toBe(0)
  await page.context().close()
})
