import type { Locator, Page } from 'playwright-core'
import { openApp, screenshot, startE2E, type E2E } from './support/e2e'
import { createOfflineVerifier } from '../../cloudfunctions/core/access/pass-verifier'
import { devPassKeyStore } from '../../cloudfunctions/platform/local/demo/dev-pass-keys'
import { doorSimulatorOf } from '../../cloudfunctions/platform/local/door-simulator/local-door'
import { qrRows } from '../../src/packages/access/components/qr-rows'

/**
 * 门禁 in Chromium against the local stack: the owner's QR is a real signed pass that rotates, 一键开门
 * reaches the door simulator, and a visitor pass issued in the app opens for the visitor persona.
 */
let e2e: E2E
const SOUTH_GATE_NO = 1

beforeAll(async () => {
  e2e = await startE2E()
})
afterAll(async () => {
  await e2e?.close()
})

const reader = () => createOfflineVerifier({ communityId: 'c-sunshine', keys: devPassKeyStore().keysFor('c-sunshine') })
const shownCode = (page: Page) => page.locator('.qr-matrix').getAttribute('data-code')

/** NutUI buttons: click the button itself (its inner text node is covered by it on H5). */
const button = (scope: Page | Locator, text: string) => scope.locator('.nut-button', { hasText: text })

async function tapOpen(page: Page, doorName: string) {
  await button(page.locator('.door-row', { hasText: doorName }), '一键开门').click()
}

test('a bound owner sees a QR pass that changes after its period and opens the gate remotely', async () => {
  const page = await openApp(e2e, { persona: 'owner', path: '/packages/access/pages/index/index' })
  await page.locator('.qr-matrix').waitFor()
  expect(await page.locator('.pass-card__subtitle').innerText()).toBe('阳光花园 1栋1单元101')
  const first = (await shownCode(page))!
  // What is drawn is the code, and the code is a pass a 阳光花园 reader accepts at the south gate.
  expect(await page.locator('.qr-matrix__row').count()).toBe(qrRows(first).length)
  expect(reader().verify(first, SOUTH_GATE_NO, Date.now())).toMatchObject({ ok: true, claims: { kind: 'resident', subject: 'h-1-1-101' } })
  await screenshot(page, 'access-owner-pass')

  // The page asks for the next code 20 s after each arrives (the code lives 30 s).
  await page.waitForFunction((prev) => document.querySelector('.qr-matrix')?.getAttribute('data-code') !== prev, first, { timeout: 40_000, polling: 500 })
  const second = (await shownCode(page))!
  expect(second).not.toBe(first)
  expect(reader().verify(second, SOUTH_GATE_NO, Date.now()).ok).toBe(true)

  const simulator = doorSimulatorOf(e2e.stack.platform)
  const before = simulator.opens.length
  await tapOpen(page, '南门')
  await page.getByText('南门已开').waitFor()
  await screenshot(page, 'access-owner-remote-open')
  expect(simulator.opens.slice(before)).toEqual([expect.objectContaining({ doorId: 'd-sun-gate-s', channel: 'remote' })])

  await page.locator('.access-link', { hasText: '我的通行记录' }).click()
  await page.locator('.log-item').first().waitFor()
  // Let the page finish sliding in before the screenshot: its left edge stops moving.
  await page.waitForFunction(() => {
    const w = window as unknown as { lastLeft?: number }
    const left = document.querySelector('.log-list')?.getBoundingClientRect().left
    const settled = left !== undefined && left === w.lastLeft && left < 40
    w.lastLeft = left
    return settled
  }, undefined, { polling: 100 })
  expect(await page.locator('.log-item').first().innerText()).toMatch(/南门[\s\S]*一键开门[\s\S]*已通行/)
  await screenshot(page, 'access-owner-log')
  await page.context().close()
}, 90_000)

test('the owner issues a visitor pass, and the visitor persona opens it from the link and opens the gate', async () => {
  const owner = await openApp(e2e, { persona: 'owner', path: '/packages/access/pages/visitors/index' })
  await owner.locator('.visitor-form__name input').fill('李阿姨')
  await owner.locator('.chip', { hasText: '1 次' }).click()
  await owner.locator('.chip', { hasText: '1栋2单元门' }).click() // leave it out: 南门, 北门, 1栋1单元门
  await button(owner, '生成访客通行证').click()
  const sheet = owner.locator('.share-sheet')
  await sheet.waitFor()
  await screenshot(owner, 'access-visitor-share')
  const link = await sheet.locator('.share-sheet__link').innerText()
  expect(link).toMatch(/#\/packages\/access\/pages\/visitor\/index\?passId=vp[0-9a-f]+&token=[\w-]+$/)
  await button(sheet, '关闭').click()
  const item = owner.locator('.visitor-pass', { hasText: '李阿姨' })
  await item.waitFor()
  expect(await item.innerText()).toMatch(/有效[\s\S]*已用 0\/1 次 · 南门、北门、1栋1单元门/)

  const route = link.slice(link.indexOf('#') + 1)
  const visitor = await openApp(e2e, { persona: 'visitor', path: route })
  await visitor.locator('.qr-matrix').waitFor()
  expect(await visitor.locator('.visitor-head').innerText()).toMatch(/李阿姨，您好[\s\S]*阳光花园 1栋1单元 的住户邀请您到访/)
  expect(await visitor.locator('.door-row').count()).toBe(3)
  const code = (await shownCode(visitor))!
  expect(reader().verify(code, SOUTH_GATE_NO, Date.now())).toMatchObject({ ok: true, claims: { kind: 'visitor' } })
  await screenshot(visitor, 'access-visitor-pass')

  await tapOpen(visitor, '南门')
  await visitor.getByText('南门已开，剩 0 次').waitFor()
  await visitor.locator('.visitor-unusable').waitFor()
  expect(await visitor.locator('.visitor-unusable').innerText()).toContain('次数已用完')
  await screenshot(visitor, 'access-visitor-used-up')

  await owner.reload()
  await owner.locator('.visitor-pass', { hasText: '李阿姨' }).waitFor()
  expect(await owner.locator('.visitor-pass', { hasText: '李阿姨' }).innerText()).toMatch(/次数已用完[\s\S]*已用 1\/1 次/)
  await visitor.context().close()
  await owner.context().close()
}, 90_000)

test('the owner revokes a visitor pass and the visitor link stops working', async () => {
  const owner = await openApp(e2e, { persona: 'owner', path: '/packages/access/pages/visitors/index' })
  await owner.locator('.visitor-form__name input').fill('快递小哥')
  await button(owner, '生成访客通行证').click()
  const link = await owner.locator('.share-sheet__link').innerText()
  await button(owner.locator('.share-sheet'), '关闭').click()
  const item = owner.locator('.visitor-pass', { hasText: '快递小哥' })
  await button(item, '撤销').click()
  await owner.locator('.taro-modal__foot').getByText('撤销').click()
  await owner.locator('.visitor-pass', { hasText: '快递小哥' }).getByText('已撤销').waitFor()
  await screenshot(owner, 'access-visitor-revoked')

  const visitor = await openApp(e2e, { persona: 'visitor', path: link.slice(link.indexOf('#') + 1) })
  await visitor.locator('.visitor-unusable').waitFor()
  expect(await visitor.locator('.visitor-unusable').innerText()).toContain('已被住户撤销')
  expect(await visitor.locator('.qr-matrix').count()).toBe(0)
  await visitor.context().close()
  await owner.context().close()
}, 90_000)
