/**
 * 精准推送 in the browser at 375×812: ops opens 住户画像与精准推送 from the home workbench, builds
 * "近30天买过生鲜的 1–3 栋住户", previews it (the size equals the API's count), pushes a campaign; the demo
 * owner (1栋1单元101, bought 生鲜 3 days ago) finds it in 消息中心 and opens it; a resident of 2栋1单元301
 * (never bought 生鲜) gets nothing; the owner can turn pushes off in 我的 → 推送设置.
 */
import type { Page } from 'playwright-core'
import { openApp, screenshot, type E2E } from './support/e2e'
import { PHONE, modalShown, pageSettled, requestIds, sidewaysOverflow, useE2E } from './support/e2e-suite'
import { callGateway as fn } from './support/gateway'

const rid = requestIds('e2e-pf')

/** A browser as any openid (a resident who is not one of the demo personas). */
async function asOpenid(e2e: E2E, openid: string, path: string): Promise<Page> {
  const context = await e2e.browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  await context.addInitScript((id) => {
    localStorage.setItem('dev.persona', 'e2e-resident')
    localStorage.setItem('dev.openid', id)
  }, openid)
  const page = await context.newPage()
  await page.goto(`${e2e.baseUrl}/#${path}`)
  return page
}

describe('profiles: segment, preview, push, inbox (375×812)', () => {
  const e2e = useE2E()

  it('ops builds 近30天买过生鲜的 1–3 栋住户, previews and pushes; a resident in it sees the message, one outside does not', async () => {
    // The outsider binds 2栋1单元301 first (the registry's binding demo home: it never bought 生鲜).
    const outsider = 'e2e-outsider-2-1-301'
    await fn(e2e, 'households', { action: 'bind', householdId: 'h-2-1-301', ownerName: '刘洋', phone: '13800002301', requestId: rid() }, outsider)

    const ops = await openApp(e2e, { persona: 'ops', path: '/pages/index/index', viewport: PHONE })
    await ops.getByTestId('ops-segment-link').click()
    await ops.getByTestId('segment-page').waitFor()
    for (const b of ['1栋', '2栋', '3栋']) await ops.getByTestId(`building-${b}`).click()
    await ops.getByTestId('bought-生鲜').click()
    await ops.getByTestId('days-30').click()
    await ops.getByText('近30天买过生鲜的 1–3 栋住户').first().waitFor()
    await ops.getByTestId('preview-button').click()
    const sizeText = await ops.getByTestId('segment-size').locator('.pf-size__n').textContent()
    const api = await fn(e2e, 'profiles', { action: 'previewSegment', communityId: 'c-sunshine', criteria: { buildingIds: ['b-1', 'b-2', 'b-3'], purchased: { category: '生鲜', withinDays: 30 } } }, 'demo-ops')
    expect(Number(sizeText)).toBe(api.size)
    expect(api.size).toBeGreaterThan(5)
    // Masked rows only: building, unit and the room's first digit.
    const firstRow = await ops.getByTestId('preview-row').first().textContent()
    expect(firstRow).toMatch(/[1-3]栋 \d单元 \d\*+/)
    expect(await sidewaysOverflow(ops)).toBeLessThanOrEqual(0)
    await screenshot(ops, 'profiles-ops-preview')

    await ops.getByTestId('push-title').locator('input').fill('赣南脐橙到货')
    await ops.getByTestId('push-body').locator('textarea').fill('冬季鲜果团今晚 8 点截单，1栋旁物业服务中心自提。')
    await ops.getByTestId('push-button').click()
    await ops.getByTestId('push-result').waitFor()
    expect(await ops.getByTestId('push-result').textContent()).toMatch(/已推送给 \d+ 人/)
    await ops.getByTestId('push-row').first().waitFor()
    await screenshot(ops, 'profiles-ops-pushed')

    // The owner (in the segment) finds it in 消息中心 and opens it.
    const owner = await openApp(e2e, { persona: 'owner', path: '/packages/households/pages/inbox/index', viewport: PHONE })
    const item = owner.locator('[data-testid="inbox-item"]', { hasText: '社区推荐' })
    await item.first().waitFor()
    expect(await item.first().textContent()).toContain('赣南脐橙到货')
    await screenshot(owner, 'profiles-owner-inbox')
    await item.first().click()
    await owner.getByTestId('push-page').waitFor()
    await owner.getByTestId('push-page').getByText('冬季鲜果团今晚 8 点截单').first().waitFor()
    expect(await owner.getByTestId('push-page').textContent()).not.toMatch(/生鲜|标签|兴趣/)
    await screenshot(owner, 'profiles-owner-push')

    // The outsider's inbox has no 社区推荐.
    const out = await asOpenid(e2e, outsider, '/packages/households/pages/inbox/index')
    await out.waitForLoadState('networkidle')
    await out.waitForTimeout(500)
    expect(await out.locator('[data-testid="inbox-item"]', { hasText: '社区推荐' }).count()).toBe(0)
    const outInbox = await fn<{ items: { title: string }[] }>(e2e, 'households', { action: 'inbox', offset: 0, limit: 20 }, outsider)
    expect(outInbox.items.filter((m) => m.title === '社区推荐')).toEqual([])

    // Ops see the open counted.
    const report = await fn(e2e, 'profiles', { action: 'conversion', communityId: 'c-sunshine' }, 'demo-ops')
    expect(report.pushes[0]).toMatchObject({ title: '赣南脐橙到货', opened: 1 })
  }, 180_000)

  it('a resident turns pushes off in 我的 → 推送设置; the steward reaches 精准推送 from the workbench', async () => {
    const owner = await openApp(e2e, { persona: 'family', path: '/pages/mine/index', viewport: PHONE })
    await owner.getByText('推送设置').click()
    await owner.getByTestId('push-settings').waitFor()
    await screenshot(owner, 'profiles-settings-on')
    await owner.getByTestId('push-switch').click()
    await owner.waitForTimeout(600)
    const setting = await fn(e2e, 'profiles', { action: 'pushSetting' }, 'demo-family')
    expect(setting).toEqual({ optedOut: true, reminders: 0 })
    await screenshot(owner, 'profiles-settings-off')

    const steward = await openApp(e2e, { persona: 'steward', path: '/pages/index/index', viewport: PHONE })
    await steward.getByTestId('tool-segment').first().click()
    await steward.getByTestId('segment-page').waitFor()
    await steward.getByText('楼栋（不选 = 我的网格）').waitFor()
    // The steward of 1–3 栋 is offered only their buildings.
    expect(await steward.getByTestId('building-4栋').count()).toBe(0)
    await steward.getByTestId('building-1栋').waitFor()
    // The builder slides in over the workbench: shoot it once it has come to rest.
    await pageSettled(steward, '[data-testid="segment-page"]')
    await screenshot(steward, 'profiles-steward-builder')
  }, 120_000)

  /*
   * 开启提醒 on H5: there is no wx.requestSubscribeMessage outside WeChat, so the card asks with a modal that
   * offers the dialog's two everyday answers (允许 / 拒绝) and records them through the same
   * profiles.recordConsent as on weapp (src/components/push-consent/ask-push-consent.ts). 总是拒绝 lives in
   * WeChat's own dialog and settings, so H5 cannot give it; the function tests cover it.
   */
  it('the owner taps 开启提醒 in 推送设置: 允许 records one reminder credit, 拒绝 none, and a push spends it', async () => {
    const reminders = async () => (await fn<{ reminders: number }>(e2e, 'profiles', { action: 'pushSetting' }, 'demo-owner')).reminders
    expect(await reminders()).toBe(0)
    const owner = await openApp(e2e, { persona: 'owner', path: '/pages/mine/index', viewport: PHONE })
    await owner.getByText('推送设置').click()
    const card = owner.getByTestId('push-consent')
    await card.getByText('团购上新、优惠推荐的微信提醒，还可收到 0 条').waitFor()
    await pageSettled(owner, '[data-testid="push-settings"]')
    await screenshot(owner, 'profiles-consent-card')

    // 允许: one credit, and the card says so.
    await owner.getByTestId('push-consent-ask').click()
    const modal = owner.locator('.taro__modal')
    await modal.getByText('允许发送一次「社区推荐」微信提醒？', { exact: false }).waitFor()
    await modalShown(owner)
    await screenshot(owner, 'profiles-consent-dialog')
    await modal.locator('.taro-model__confirm').click()
    await card.getByText('已开启，可再收到 1 条微信提醒').waitFor()
    // The wrapper has no box of its own (its mask and dialog are fixed): wait on the dialog.
    await modal.locator('.taro-modal__content').waitFor({ state: 'hidden' })
    expect(await reminders()).toBe(1)
    await screenshot(owner, 'profiles-consent-granted')

    // 拒绝: nothing recorded, the credit stays.
    await owner.getByTestId('push-consent-ask').click()
    await modal.locator('.taro-model__cancel').click()
    await card.getByText('未开启，推荐仍会出现在消息中心').waitFor()
    expect(await reminders()).toBe(1)

    // Ops push to 1栋: the owner's one credit pays for one WeChat reminder, and the card shows none left.
    const segment = await fn<{ segmentId: string }>(e2e, 'profiles', { action: 'saveSegment', communityId: 'c-sunshine', name: '1栋住户', criteria: { buildingIds: ['b-1'] }, requestId: rid() }, 'demo-ops')
    const pushed = await fn<{ subscribeMessages: number; recipients: number }>(e2e, 'profiles', { action: 'push', segmentId: segment.segmentId, title: '周末家电清洗优惠', body: '本周末家电清洗八折，物业服务中心可预约。', requestId: rid() }, 'demo-ops')
    expect(pushed.recipients).toBeGreaterThan(0)
    expect(pushed.subscribeMessages).toBe(1)
    expect(await reminders()).toBe(0)
    await owner.reload()
    await owner.getByTestId('push-consent').getByText('还可收到 0 条').waitFor()
  }, 120_000)
})
