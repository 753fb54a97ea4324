import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import qrcode from 'qrcode-generator'
import { openApp, screenshot, startE2E, type E2E } from './support/e2e'
import { callGateway } from './support/gateway'

/** What the gateway answers a persona, the way the H5 client calls it. */
const fn = <T = any>(e2e: E2E, openid: string, event: Record<string, unknown>) => callGateway<T>(e2e, 'groups', event, openid)

/** A QR image as a steward would save it from WeChat (a GIF the storage's sniffing recognises). */
function qrImageFile(): string {
  const qr = qrcode(0, 'M')
  qr.addData('https://weixin.qq.com/g/e2e-new-code')
  qr.make()
  const file = path.join(os.tmpdir(), `e2e-group-qr-${process.pid}.gif`)
  fs.writeFileSync(file, Buffer.from(qr.createDataURL(6, 12).split(',')[1], 'base64'))
  return file
}

/** "M月D日" of a moment in Beijing time. */
function shanghaiDay(at: Date): string {
  const d = new Date(at.getTime() + 8 * 3600_000)
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日`
}

describe('groups in the browser', () => {
  let e2e: E2E
  beforeAll(async () => {
    e2e = await startE2E()
  })
  afterAll(async () => {
    await e2e?.close()
  })

  it('a resident of 1栋 asks to join and sees the live QR of the 1–3栋 owners group, then confirms', async () => {
    const page = await openApp(e2e, { persona: 'owner', path: '/packages/groups/pages/index/index' })
    await page.locator('.join-button').click()
    const card = page.locator('.pending-group .qr-card')
    await card.waitFor()
    const name = (await card.locator('.qr-card__name').textContent()) ?? ''
    expect(name).toMatch(/1–3栋业主/)
    expect(await card.locator('.qr-card__meta').textContent()).toContain('1栋')

    // The right QR: the image shown is the live code the steward's registry holds for that group.
    const { groups } = await fn(e2e, 'demo-steward', { action: 'myGroups' })
    const group = groups.find((g: { name: string }) => g.name === name)
    expect(group.code.status).toBe('live')
    const src = await card.locator('.qr-card__image img, img.qr-card__image, .qr-card__image').first().evaluate((el) => (el instanceof HTMLImageElement ? el.src : el.querySelector('img')?.src ?? ''))
    expect(src).toBe(group.code.url)
    expect(await card.locator('.qr-card__expiry').textContent()).toContain('二维码有效期至')
    expect(await card.locator('.qr-card__rule').count()).toBeGreaterThan(2)
    await screenshot(page, 'groups-resident-join')

    await page.locator('.confirm-joined').click()
    await page.locator('.joined-group', { hasText: name }).waitFor()
    const mine = await fn(e2e, 'demo-owner', { action: 'myMemberships' })
    expect(mine.memberships).toEqual([expect.objectContaining({ status: 'joined', group: expect.objectContaining({ id: group.id }) })])
    await page.context().close()
  })

  it('the steward uploads a new code for an expiring group and sees its new expiry', async () => {
    const page = await openApp(e2e, { persona: 'steward', path: '/packages/groups/pages/steward/index' })
    const card = page.locator('.group-card', { hasText: '阳光花园住户群' })
    await card.waitFor()
    expect(await card.locator('.group-card__code').textContent()).toMatch(/还剩 \d+ 小时/)
    await page.locator('.task', { hasText: '二维码即将过期' }).first().waitFor()
    await screenshot(page, 'groups-steward-list')

    await card.locator('.upload-code').click()
    await page.locator('.upload-page').waitFor()
    const chooser = page.waitForEvent('filechooser')
    await page.locator('.choose-image').click()
    await (await chooser).setFiles(qrImageFile())
    await page.locator('.upload-page .qr-card__image').waitFor()
    await page.locator('.submit-code').click()
    const result = page.locator('.code-result__expiry')
    await result.waitFor()
    const expected = shanghaiDay(new Date(Date.now() + 7 * 86_400_000))
    expect(await result.textContent()).toContain(`有效期至 ${expected}`)
    await screenshot(page, 'groups-steward-upload')

    await page.goBack()
    const refreshed = page.locator('.group-card', { hasText: '阳光花园住户群' }).locator('.group-card__code')
    await refreshed.filter({ hasText: `有效期至 ${expected}` }).waitFor({ timeout: 10_000 })
    await screenshot(page, 'groups-steward-after-upload')
    await page.context().close()
  })
})
