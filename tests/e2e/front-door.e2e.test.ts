import type { Page } from 'playwright-core'
import { openApp, screenshot, startE2E, type E2E } from './support/e2e'

/**
 * The resident's front door at 375×812: what the owner sees first, a way back from every sub page,
 * nothing wider than the screen (and nothing cut at 320), the newcomer as a fresh browser's default,
 * and the 消息中心 telling the owner of a join request.
 */
let e2e: E2E
const PHONE = { width: 375, height: 812 }

beforeAll(async () => {
  e2e = await startE2E()
})
afterAll(async () => {
  await e2e?.close()
})

async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; clientWidth: number }> {
  return page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }))
}

async function expectNoOverflow(page: Page, where: string) {
  const o = await horizontalOverflow(page)
  expect({ where, ...o, fits: o.scrollWidth <= o.clientWidth }).toMatchObject({ where, fits: true })
}

/** Taro's H5 title bar shows a back arrow when there is history, a home button when opened directly. */
async function backPath(page: Page): Promise<'back' | 'home' | 'none'> {
  const bar = page.locator('#taro-navigation-bar')
  const cls = (await bar.getAttribute('class')) ?? ''
  if (!cls.includes('taro-navigation-bar-show')) return 'none'
  if (cls.includes('taro-navigation-bar-back-icon')) return 'back'
  if (cls.includes('taro-navigation-bar-home-icon')) return 'home'
  return 'none'
}

async function call(fn: string, openid: string, event: Record<string, unknown>) {
  const res = await fetch(`${e2e.baseUrl}/fn/${fn}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-dev-openid': openid }, body: JSON.stringify(event) })
  return (await res.json()) as { ok: boolean; data?: Record<string, unknown>; message?: string }
}

test('the owner’s first screen: house and greeting, six front-door services, the 待缴 alert, notices; nothing overflows', async () => {
  const page = await openApp(e2e, { persona: 'owner', path: '/pages/index/index', viewport: PHONE })
  await page.locator('[data-testid="due-banner"]').waitFor()
  await page.locator('.notice-card').first().waitFor()
  expect(await page.locator('[data-testid="home-house"]').innerText()).toContain('1栋1单元101')
  const titles = await page.locator('.shortcut__title').allInnerTexts()
  expect(titles).toEqual(['缴费', '报修', '开门', '访客', '团购', '预约服务'])
  // All six and the alert are on the first screen, without scrolling.
  for (const box of [...(await page.locator('.shortcut').all()), page.locator('[data-testid="due-banner"]')]) {
    const b = await box.boundingBox()
    expect(b && b.y + b.height <= PHONE.height).toBe(true)
  }
  expect(await page.locator('[data-testid="due-amount"]').innerText()).toMatch(/^¥[\d,]+\.\d\d$/)
  expect(await page.locator('[data-testid="due-note"]').innerText()).toMatch(/笔已逾期 \d+ 天|共 \d+ 笔/)
  // The 1栋 lift notice is pinned with its building; 2栋's outage is not shown to a 1栋 owner.
  const first = page.locator('.notice-card').first()
  expect(await first.locator('.notice-card__title').innerText()).toMatch(/1栋电梯维保$/)
  expect(await first.locator('.notice-card__tag').allInnerTexts()).toEqual(['置顶', '1栋'])
  expect(await page.getByText('2栋停水通知').count()).toBe(0)
  await expectNoOverflow(page, 'home')
  await screenshot(page, 'front-door-owner-home-375')
  await page.context().close()
})

test('every sub page reached from the home page has a way back, and none is wider than the phone', async () => {
  const page = await openApp(e2e, { persona: 'owner', path: '/pages/index/index', viewport: PHONE })
  await page.locator('.shortcut').first().waitFor()
  const visits: { name: string; open: () => Promise<void>; url: RegExp }[] = [
    ...['fees', 'repairs', 'access', 'visitors', 'groupbuy', 'services'].map((key) => ({
      name: key,
      open: () => page.locator(`.shortcut[data-key="${key}"]`).click(),
      url: new RegExp(`packages/(fees|repairs|access|groupbuy|orders)/pages/`),
    })),
    { name: 'due-banner', open: () => page.locator('[data-testid="due-banner"]').click(), url: /packages\/fees\/pages\/index/ },
    { name: 'notice', open: () => page.locator('.notice-card').first().click(), url: /packages\/households\/pages\/notice\/index/ },
    { name: 'notices', open: () => page.locator('[data-testid="notices-more"]').click(), url: /packages\/households\/pages\/notices\/index/ },
    { name: 'inbox', open: () => page.locator('[data-testid="home-inbox"]').click(), url: /packages\/households\/pages\/inbox\/index/ },
  ]
  for (const v of visits) {
    await v.open()
    await page.waitForURL(v.url)
    await page.waitForTimeout(600)
    expect({ page: v.name, back: await backPath(page) }).toEqual({ page: v.name, back: 'back' })
    await expectNoOverflow(page, v.name)
    if (v.name === 'notice' || v.name === 'fees') await screenshot(page, `front-door-sub-${v.name}-375`)
    await page.locator('.taro-navigation-bar-back').click()
    await page.waitForURL(/pages\/index\/index/)
    await page.locator('.shortcut').first().waitFor()
  }
  await page.context().close()
})

test('a sub page opened directly offers home; an error is never a dead end', async () => {
  // 2栋's notice is not the 1栋 owner's: the detail page answers 不存在 and offers a way out.
  const page = await openApp(e2e, { persona: 'owner', path: '/packages/households/pages/notice/index?id=n-water', viewport: PHONE })
  await page.locator('.page-state--error').waitFor()
  expect(await page.locator('.page-state__text').innerText()).toContain('公告不存在')
  expect(await backPath(page)).toBe('home')
  await screenshot(page, 'front-door-error-way-back-375')
  await page.locator('[data-testid="page-state-back"]').click()
  await page.waitForURL(/pages\/index\/index/)
  await page.locator('.shortcut').first().waitFor()
  await page.context().close()
})

test('at 320 px wide the home page and the notice list still fit (no text pushed off screen)', async () => {
  const page = await openApp(e2e, { persona: 'owner', path: '/pages/index/index', viewport: { width: 320, height: 640 } })
  await page.locator('[data-testid="due-banner"]').waitFor()
  await expectNoOverflow(page, 'home@320')
  // Every text box ends inside the screen.
  const outside = await page.evaluate(() =>
    [...document.querySelectorAll('.taro_page taro-text-core, .taro_page span')].filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5).map((el) => el.textContent),
  )
  expect(outside).toEqual([])
  await screenshot(page, 'front-door-owner-home-320')
  await page.context().close()
})

test('a fresh browser is the unbound newcomer; the persona switch lives in 我的, not over the page', async () => {
  const page = await openApp(e2e, { path: '/pages/index/index', viewport: PHONE })
  await page.locator('[data-testid="home-bind"]').waitFor()
  expect(await page.locator('[data-testid="due-banner"]').count()).toBe(0)
  expect(await page.locator('.dev-persona-button').count()).toBe(0)
  await screenshot(page, 'front-door-newcomer-home-375')
  await page.getByText('我的', { exact: true }).last().click()
  await page.locator('[data-testid="dev-persona-entry"]').click()
  await page.locator('.dev-persona-item', { hasText: '业主 王先生' }).click()
  await page.waitForLoadState('load')
  await page.locator('.household-item').first().waitFor()
  await page.context().close()
})

test('the owner is told of a join request in 消息中心: badge, message, tap-through to the members page', async () => {
  const invite = await call('households', 'demo-owner', { action: 'createInvite', requestId: `e2e-inv-${Date.now()}`, householdId: 'h-1-1-101', role: 'tenant' })
  expect(invite.ok).toBe(true)
  const accepted = await call('households', 'demo-visitor', { action: 'acceptInvite', requestId: `e2e-acc-${Date.now()}`, code: invite.data!.code, nickname: '小李' })
  expect(accepted.ok).toBe(true)

  const page = await openApp(e2e, { persona: 'owner', path: '/pages/index/index', viewport: PHONE })
  const badge = page.locator('[data-testid="inbox-badge"]')
  await badge.waitFor()
  expect(Number(await badge.innerText())).toBeGreaterThanOrEqual(1)
  await page.locator('[data-testid="home-inbox"]').click()
  const item = page.locator('[data-testid="inbox-item"]', { hasText: '入户申请待审核' })
  await item.waitFor()
  expect(await item.innerText()).toContain('小李（租户）申请加入')
  await expectNoOverflow(page, 'inbox')
  await screenshot(page, 'front-door-inbox-375')
  await item.click()
  await page.waitForURL(/packages\/households\/pages\/members\/index/)
  expect(await backPath(page)).toBe('back')
  await page.context().close()
})
