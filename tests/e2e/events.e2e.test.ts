import type { Page } from 'playwright-core'
import { openApp, screenshot, startE2E, type E2E } from './support/e2e'

/**
 * The event flow in Chromium on the H5 build at 375×812, in two browser contexts: the steward's phone at
 * the venue shows the rotating code and live attendance; the owner finds the event on the home page, signs
 * up, types the code (check-in), is refused the same code again, and checks out with the next code.
 * The stack cannot wait five real minutes between arrival and departure, so the minimum stay is 0 here.
 * Then the waitlist and the organiser's edit and cancel, and ops' ROI 设置.
 */
let e2e: E2E
const saved = process.env.EVENTS_MIN_STAY_SECONDS

beforeAll(async () => {
  process.env.EVENTS_MIN_STAY_SECONDS = '0'
  e2e = await startE2E()
})
afterAll(async () => {
  await e2e?.close()
  if (saved === undefined) delete process.env.EVENTS_MIN_STAY_SECONDS
  else process.env.EVENTS_MIN_STAY_SECONDS = saved
})

async function phone(persona: string, path: string): Promise<Page> {
  return openApp(e2e, { persona, path, viewport: { width: 375, height: 812 } })
}

const codeInput = (page: Page) => page.locator('[data-testid="event-code-input"] input, input[data-testid="event-code-input"]').first()
const shownCode = async (organiser: Page) => (await organiser.locator('[data-testid="event-code"]').innerText()).trim()

/** Taro's H5 router slides a new page in; a screenshot taken mid-slide shows it cut off at the side. */
const settled = (page: Page) => page.waitForTimeout(600)

/** At the narrowest phone (320 px) the page must not scroll sideways; back to 375 after. */
async function fitsAt320(page: Page) {
  await page.setViewportSize({ width: 320, height: 812 })
  await page.waitForTimeout(300)
  const overflow = await page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - window.innerWidth)
  await page.setViewportSize({ width: 375, height: 812 })
  expect(overflow).toBeLessThanOrEqual(0)
}

async function confirmModal(page: Page, button: string) {
  const modal = page.locator('.taro-modal__foot')
  await modal.waitFor()
  await modal.getByText(button, { exact: true }).click()
}

async function typeCode(resident: Page, code: string) {
  await codeInput(resident).fill(code)
  await resident.locator('[data-testid="event-code-submit"]').click()
}

test('sign-up → check-in with the organiser’s code → replay refused → check-out with the next code', async () => {
  const resident = await phone('owner', '/pages/index/index')
  const home = resident.locator('[data-testid="home-events"]')
  await home.getByText('冬季家电清洗服务体验会').waitFor()
  await screenshot(resident, 'events-home')
  await home.getByText('全部 ›').click()
  await resident.waitForURL(/packages\/events\/pages\/index/)
  const item = resident.locator('[data-testid="event-item"]', { hasText: '冬季家电清洗服务体验会' })
  await item.waitFor()
  expect(await item.innerText()).toContain('已报 9/30 户')
  await screenshot(resident, 'events-list')
  await item.click()

  await resident.locator('[data-testid="event-detail"]').getByText('1栋架空层 邻里活动室').waitFor()
  await resident.locator('[data-testid="event-signup"]').click()
  await resident.locator('[data-testid="event-status"]').getByText('已报名').waitFor()
  expect(await resident.locator('[data-testid="event-detail"]').innerText()).toContain('已报 10/30 户')
  await screenshot(resident, 'events-detail-signed')

  // The steward's phone at the venue (a second browser context).
  const organiser = await phone('steward', '/pages/index/index')
  await organiser.locator('[data-testid="steward-board"]').getByText('线下活动').click()
  await organiser.waitForURL(/packages\/events\/pages\/manage/)
  await organiser.locator('[data-testid="manage-item"]', { hasText: '冬季家电清洗服务体验会' }).click()
  await organiser.waitForURL(/packages\/events\/pages\/live/)
  await organiser.locator('[data-testid="event-code"]').waitFor()
  expect(await shownCode(organiser)).toMatch(/^\d{6}$/)
  expect(await organiser.locator('[data-testid="stat-checked-in"]').innerText()).toBe('4')
  await screenshot(organiser, 'events-organiser-code')

  await resident.locator('[data-testid="event-go-scan"]').click()
  await resident.waitForURL(/packages\/events\/pages\/scan/)
  const first = await shownCode(organiser)
  await typeCode(resident, first)
  await resident.locator('[data-testid="event-scan-ok"]').getByText('签到成功').waitFor()
  await screenshot(resident, 'events-checked-in')

  // The same code again: refused with the reason, nothing changes.
  await typeCode(resident, first)
  const refused = resident.locator('[data-testid="event-scan-refused"]')
  await refused.waitFor()
  expect(await refused.innerText()).toContain('已经用过了')
  await screenshot(resident, 'events-replay-refused')

  // The organiser's screen counts the arrival within its 5 s poll.
  await organiser.waitForFunction(() => document.querySelector('[data-testid="stat-checked-in"]')?.textContent === '5', undefined, { timeout: 15_000 })
  await organiser.locator('[data-testid="attendee"]', { hasText: '1栋1单元101' }).getByText(/签到 · 在场/).waitFor()

  // Departure needs the next code: wait for the organiser's screen to rotate (≤ 20 s).
  await organiser.waitForFunction((old) => {
    const now = document.querySelector('[data-testid="event-code"]')?.textContent?.trim()
    return !!now && now !== old
  }, first, { timeout: 30_000 })
  await typeCode(resident, await shownCode(organiser))
  await resident.locator('[data-testid="event-scan-ok"]').getByText('签退成功').waitFor()
  expect(await resident.locator('[data-testid="event-dwell"]').innerText()).toMatch(/本次停留 \d+分钟/)
  await screenshot(resident, 'events-checked-out')

  await organiser.waitForFunction(() => document.querySelector('[data-testid="stat-checked-out"]')?.textContent === '1', undefined, { timeout: 15_000 })
  expect(await organiser.locator('[data-testid="stat-on-site"]').innerText()).toBe('4')
  await organiser.locator('[data-testid="attendee"]', { hasText: '1栋1单元101' }).getByText(/已签退 · 停留/).waitFor()
  await screenshot(organiser, 'events-organiser-attendance')
})

test('ops reviews a steward’s cost (核销) and reads the ROI; a resident cannot open the cost pages', async () => {
  const ops = await phone('ops', '/pages/index/index')
  await ops.locator('[data-testid="ops-events-link"]').click()
  await ops.waitForURL(/packages\/events\/pages\/costs/)
  const prize = ops.locator('[data-testid="cost-card"]', { hasText: '脐橙礼盒' })
  await prize.waitFor()
  expect(await prize.innerText()).toContain('¥354.00')
  expect(await prize.innerText()).toContain('赣南果园直供（商家赞助）')
  const venue = ops.locator('[data-testid="cost-card"]', { hasText: '场地布置' })
  expect(await venue.innerText()).toContain('阳光物业（物业） ¥300.00')
  await ops.waitForFunction(() => [...document.querySelectorAll('[data-testid="cost-card"] img')].some((i) => (i as HTMLImageElement).naturalWidth > 0))
  await screenshot(ops, 'events-costs-pending')
  await prize.locator('[data-testid="cost-approve"]').click()
  await prize.waitFor({ state: 'detached' })
  await ops.locator('[data-testid="costs-tab-approved"]').click()
  await ops.locator('[data-testid="cost-card"]', { hasText: '脐橙礼盒' }).getByText('已核销').waitFor()

  await ops.locator('[data-testid="roi-link"]').click()
  await ops.waitForURL(/packages\/events\/pages\/roi/)
  const tasting = ops.locator('[data-testid="roi-row"]', { hasText: '赣南脐橙品鉴会' })
  await tasting.waitFor()
  // Approved: 物料 180.00 + 奖品 354.00 = 534.00; the shared venue cost is still pending (250.00 of it).
  expect(await tasting.innerText()).toContain('已核销费用 ¥534.00')
  expect(await tasting.innerText()).toContain('待核销 ¥250.00')
  await screenshot(ops, 'events-roi')

  const resident = await phone('owner', '/packages/events/pages/costs/index')
  await resident.getByText('没有权限进行此操作').waitFor()
})

test('a steward publishes an event from the form and it is on residents’ lists; the cost form refuses a cost without receipts', async () => {
  const steward = await phone('steward', '/packages/events/pages/manage/index')
  await steward.locator('[data-testid="manage-item"]').first().waitFor()
  await screenshot(steward, 'events-manage')
  await steward.locator('[data-testid="events-create"]').click()
  await steward.waitForURL(/packages\/events\/pages\/create/)
  const field = (id: string) => steward.locator(`[data-testid="${id}"] input, input[data-testid="${id}"]`).first()
  await field('create-title').fill('周末宠物义诊')
  await steward.locator('.ev-chip', { hasText: '宠物' }).click()
  await steward.locator('.ev-chip', { hasText: '社区活动' }).click()
  await field('create-venue').fill('中心花园凉亭')
  await field('create-limit').fill('12')
  await steward.locator('.ev-chip', { hasText: '2栋' }).click()
  await screenshot(steward, 'events-create-form')
  await steward.locator('[data-testid="create-submit"]').click()
  await steward.waitForURL(/packages\/events\/pages\/live/)
  await steward.locator('[data-testid="event-screen"]').getByText('周末宠物义诊').waitFor()

  // 2栋 only: the owner of 1栋 does not see it; the steward's list does.
  const resident = await phone('owner', '/packages/events/pages/index/index')
  await resident.locator('[data-testid="event-item"]').first().waitFor()
  expect(await resident.locator('[data-testid="events-list"]').innerText()).not.toContain('周末宠物义诊')

  const form = await phone('steward', '/packages/events/pages/cost-new/index')
  await form.locator('[data-testid="cost-activities"] .ev-chip').first().waitFor()
  await form.locator('[data-testid="cost-activities"] .ev-chip', { hasText: '周末宠物义诊' }).click()
  await form.locator('[data-testid="cost-title"] input, input[data-testid="cost-title"]').first().fill('义诊药品')
  await form.locator('[data-testid="cost-amount"] input, input[data-testid="cost-amount"]').first().fill('86.5')
  await screenshot(form, 'events-cost-form')
  await form.locator('[data-testid="cost-submit"]').click()
  await form.getByText('请上传票据照片').waitFor()
})

test('waitlist: the owner joins a full event as 候补第 3 位, the organiser raises the limit and the owner is in and told; then the organiser cancels and the owner is told', async () => {
  const resident = await phone('owner', '/packages/events/pages/index/index')
  const item = resident.locator('[data-testid="event-item"]', { hasText: '上门保洁体验课' })
  await item.waitFor()
  expect(await item.innerText()).toContain('8 个名额已满 · 2 户候补')
  await item.click()
  await resident.locator('[data-testid="event-join-waitlist"]').getByText('名额已满，加入候补（2 户在等）').waitFor()
  await resident.locator('[data-testid="event-join-waitlist"]').click()
  await resident.locator('[data-testid="event-wait-position"]').getByText('候补第 3 位').waitFor()
  expect(await resident.locator('[data-testid="event-cancel"]').innerText()).toContain('退出候补')
  await screenshot(resident, 'events-waitlist-position')
  await fitsAt320(resident)
  const detailUrl = resident.url()

  // The organiser, from the steward workbench: 线下活动 → the event → 编辑活动 → 11 places.
  const organiser = await phone('steward', '/pages/index/index')
  await organiser.locator('[data-testid="steward-board"]').getByText('线下活动').click()
  const managed = organiser.locator('[data-testid="manage-item"]', { hasText: '上门保洁体验课' })
  await managed.waitFor()
  expect(await managed.innerText()).toContain('报名 8/8 户 · 候补 3')
  await managed.click()
  await organiser.waitForURL(/packages\/events\/pages\/live/)
  await organiser.locator('[data-testid="stat-signed-up"]').getByText('8/8').waitFor()
  expect(await organiser.locator('[data-testid="live-waiting"]').innerText()).toContain('另有 3 户在候补')
  await settled(organiser)
  await screenshot(organiser, 'events-organiser-upcoming')
  await organiser.locator('[data-testid="event-edit"]').click()
  await organiser.waitForURL(/packages\/events\/pages\/create\/index\?eventId=/)
  const limit = organiser.locator('[data-testid="create-limit"] input, input[data-testid="create-limit"]').first()
  await organiser.getByText('名额（户）· 已报名 8 户，候补 3 户').waitFor()
  expect(await limit.inputValue()).toBe('8')
  // Below the sign-ups: the server's clear refusal, nothing saved.
  await limit.fill('6')
  await organiser.locator('[data-testid="create-submit"]').click()
  await organiser.getByText('已有 8 户报名，名额不能少于 8').waitFor()
  await limit.fill('11')
  await screenshot(organiser, 'events-edit-form')
  await fitsAt320(organiser)
  await organiser.locator('[data-testid="create-submit"]').click()
  await organiser.waitForURL(/packages\/events\/pages\/live/)
  await organiser.locator('[data-testid="stat-signed-up"]').getByText('11/11').waitFor()

  await resident.goto(detailUrl)
  await resident.locator('[data-testid="event-status"]').getByText('已报名').waitFor()
  const inbox = await phone('owner', '/packages/households/pages/inbox/index')
  await inbox.locator('[data-testid="inbox-item"]', { hasText: '候补成功' }).waitFor()
  await screenshot(inbox, 'events-inbox-promoted')

  // The organiser cancels with a reason; the owner's sign-up ends and the message says why.
  await organiser.locator('[data-testid="event-organiser-cancel"]').click()
  await organiser.waitForURL(/packages\/events\/pages\/cancel/)
  expect(await organiser.locator('[data-testid="cancel-affected"]').innerText()).toContain('将通知已报名 11 户')
  await organiser.locator('[data-testid="cancel-reasons"] .ev-chip', { hasText: '场地临时不可用' }).click()
  await screenshot(organiser, 'events-cancel-form')
  await fitsAt320(organiser)
  await organiser.locator('[data-testid="cancel-submit"]').click()
  await confirmModal(organiser, '确定')
  await organiser.waitForURL(/packages\/events\/pages\/live/)
  await organiser.locator('[data-testid="event-code-error"]').getByText('活动已取消').waitFor()

  await resident.goto(detailUrl)
  await resident.locator('[data-testid="event-status"]').getByText('活动已取消').waitFor()
  await screenshot(resident, 'events-cancelled-detail')
  await inbox.reload()
  const told = inbox.locator('[data-testid="inbox-item"]', { hasText: '活动取消' })
  await told.waitFor()
  expect(await told.innerText()).toContain('场地临时不可用')
})

test('ops set margin rates and the window on ROI 设置, reached from the workbench through 活动 ROI', async () => {
  const ops = await phone('ops', '/pages/index/index')
  await ops.locator('[data-testid="ops-events-link"]').click()
  await ops.locator('[data-testid="roi-link"]').click()
  await ops.locator('[data-testid="roi-settings-link"]').click()
  await ops.waitForURL(/packages\/events\/pages\/roi-settings/)
  const rate = ops.locator('[data-testid="roi-rate"][data-category="家政"] input')
  await rate.waitFor()
  expect(await rate.inputValue()).toBe('35')
  expect(await ops.locator('[data-testid="roi-service"]', { hasText: '上门保洁' }).innerText()).toContain('家政')
  await settled(ops)
  await screenshot(ops, 'events-roi-settings')
  await fitsAt320(ops)
  await rate.fill('40')
  await ops.locator('[data-testid="roi-days"] input, input[data-testid="roi-days"]').first().fill('10')
  await ops.locator('[data-testid="roi-settings-save"]').click()
  await ops.getByText('已保存，ROI 按新设置计算').waitFor()
  await ops.goBack()
  await ops.waitForURL(/packages\/events\/pages\/roi\/index/)
  await ops.reload()
  const tasting = ops.locator('[data-testid="roi-row"]', { hasText: '赣南脐橙品鉴会' })
  await tasting.waitFor()
  expect(await tasting.innerText()).toContain('品类 20%')
})
