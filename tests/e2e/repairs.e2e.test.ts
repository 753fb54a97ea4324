import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import qrcode from 'qrcode-generator'
import type { Page } from 'playwright-core'
import { openApp, screenshot, startE2E, type E2E } from './support/e2e'
import { callGateway } from './support/gateway'

/** What the gateway answers a persona, the way the H5 client calls it. */
const fn = <T = any>(e2e: E2E, openid: string, event: Record<string, unknown>) => callGateway<T>(e2e, 'repairs', event, openid)

/** A real image file for the file chooser (a GIF; the storage sniffs the bytes, not the name). */
function photoFile(): string {
  const qr = qrcode(0, 'M')
  qr.addData('漏水位置：厨房水槽下方')
  qr.make()
  const file = path.join(os.tmpdir(), `e2e-repair-photo-${process.pid}.gif`)
  fs.writeFileSync(file, Buffer.from(qr.createDataURL(6, 12).split(',')[1], 'base64'))
  return file
}

async function fillTextarea(page: Page, selector: string, text: string) {
  const field = page.locator(`${selector} textarea`).first()
  await field.waitFor()
  await field.fill(text)
}

const statusTag = (page: Page) => page.locator('.ticket-detail .detail-head .status-tag').last()

describe('repairs in the browser', () => {
  let e2e: E2E
  beforeAll(async () => {
    e2e = await startE2E()
  })
  afterAll(async () => {
    await e2e?.close()
  })

  it('a resident files a ticket with a photo, the technician completes it, the resident rates it and the steward’s figure moves', async () => {
    // The steward's satisfaction before anything is rated.
    const board = await openApp(e2e, { persona: 'steward', path: '/packages/repairs/pages/steward/index' })
    const score = board.locator('.satisfaction-card .satisfaction__score')
    await score.waitFor()
    expect(await score.textContent()).toBe('暂无评价')

    // 1. The owner files a ticket with a photo.
    const owner = await openApp(e2e, { persona: 'owner', path: '/packages/repairs/pages/new/index' })
    await owner.locator('.category-chips .chip', { hasText: '水管/下水' }).click()
    await fillTextarea(owner, '.description', '厨房水槽下方的水管接口漏水，地上一直有积水')
    const chooser = owner.waitForEvent('filechooser')
    await owner.locator('.photo-grid__add').click()
    await (await chooser).setFiles(photoFile())
    await owner.locator('.new-ticket .photo-grid__image').first().waitFor()
    await owner.locator('.window-chips .chip').nth(1).click()
    await screenshot(owner, 'repairs-new-ticket')
    await owner.locator('.submit-ticket').click()
    await owner.locator('.ticket-detail .detail-head__assignee').waitFor()
    expect(await owner.locator('.detail-head__assignee').textContent()).toContain('赵工')
    expect(await statusTag(owner).textContent()).toBe('已派单')
    const ticketId = /id=([\w-]+)/.exec(owner.url())?.[1] ?? ''
    expect(ticketId).not.toBe('')
    // The photo is the one uploaded, served by the storage through a signed temp URL.
    const detail = await fn(e2e, 'demo-owner', { action: 'detail', ticketId })
    expect(detail.photos).toHaveLength(1)
    const img = await owner.locator('.detail-head .photo-grid__image img, img.photo-grid__image').first().evaluate((el) => (el as HTMLImageElement).src)
    expect(img).toContain('/storage/repairs/')
    const served = await fetch(img)
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toBe('image/gif')
    await screenshot(owner, 'repairs-ticket-filed')

    // 2. The technician finds it in the queue, accepts, starts and completes it.
    const tech = await openApp(e2e, { persona: 'technician', path: '/packages/repairs/pages/queue/index' })
    await tech.locator('.ticket-row', { hasText: '厨房水槽下方' }).click()
    await tech.locator('.action-accept').click()
    await tech.locator('.action-start').click()
    await tech.locator('.action-complete').click()
    await fillTextarea(tech, '.complete-note', '更换水管接口密封圈，试水无渗漏')
    await tech.locator('.submit-complete').click()
    await tech.locator('.ticket-detail .completion').waitFor()
    expect(await statusTag(tech).textContent()).toBe('已完成')
    await screenshot(tech, 'repairs-technician-completed')

    // 3. The owner rates it: 4 stars for arrival, 5 for the rest.
    await owner.reload()
    await owner.locator('.action-rate').click()
    await owner.locator('.star-row', { hasText: '上门及时' }).locator('.star').nth(3).click()
    await fillTextarea(owner, '.rate-comment', '师傅很专业，下次还找他')
    await screenshot(owner, 'repairs-rate')
    await owner.locator('.submit-rating').click()
    await owner.locator('.ticket-detail .rating-view').waitFor()
    expect(await statusTag(owner).textContent()).toBe('已评价')
    const rated = await fn(e2e, 'demo-owner', { action: 'detail', ticketId })
    expect(rated.rating).toMatchObject({ arrival: 4, attitude: 5, process: 5, etiquette: 5, comment: '师傅很专业，下次还找他' })

    // 4. The steward's figure has moved: (4 + 5 + 5 + 5) / 4 = 4.75.
    await board.reload()
    await board.locator('.satisfaction-card .satisfaction__score', { hasText: '4.75' }).waitFor()
    expect(await board.locator('.satisfaction__meta').textContent()).toContain('共 1 条评价')
    await screenshot(board, 'repairs-steward-satisfaction')
    for (const p of [board, owner, tech]) await p.context().close()
  })
})
