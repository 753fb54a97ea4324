import type { Page } from 'playwright-core'
import { DEMO_BINDING } from '../../cloudfunctions/platform/local/demo/personas'
import { openApp, screenshot, startE2E, type E2E } from './support/e2e'

/**
 * Households in Chromium at phone size against the local stack: an unbound resident binds a room and sees
 * it on 我的; the owner invites a family member through a one-time code, who asks to join and is approved.
 */
let e2e: E2E

beforeAll(async () => {
  e2e = await startE2E()
})
afterAll(async () => {
  await e2e?.close()
})

/** H5 page transitions slide for ~300 ms; screenshots wait for them to finish. */
const settled = async (page: Page, name: string) => {
  await page.waitForTimeout(500)
  await screenshot(page, name)
}

const chip = (page: Page, text: string) => page.locator('.choice-grid__item').getByText(text, { exact: true })

test('an unbound resident binds a room with the owner’s name and phone and sees it on 我的', async () => {
  const page = await openApp(e2e, { persona: 'unbound', path: '/pages/mine/index' })
  await page.getByText('还没有绑定房屋').first().waitFor()
  await page.locator('.mine-empty__action').click()
  await page.waitForURL(/packages\/households\/pages\/bind\/index/)

  await chip(page, '阳光花园').click()
  await chip(page, DEMO_BINDING.building).click()
  await chip(page, DEMO_BINDING.unit).click()
  await settled(page, 'households-bind-rooms')
  await chip(page, DEMO_BINDING.room).click()
  expect(await page.locator('.hh-path').innerText()).toMatch(/阳光花园\s*›\s*2栋\s*›\s*1单元\s*›\s*301/)

  // A wrong phone first: refused with the attempts left, nothing bound.
  await page.locator('.bind-owner-name input').fill(DEMO_BINDING.ownerName)
  await page.locator('.bind-phone input').fill('13800009999')
  await page.locator('.bind-submit').click()
  await page.getByText(/与物业登记信息不一致，还可尝试 4 次/).waitFor()
  await settled(page, 'households-bind-mismatch')

  await page.locator('.bind-phone input').fill(DEMO_BINDING.phone)
  await settled(page, 'households-bind-proof')
  await page.locator('.bind-submit').click()
  await page.waitForURL(/pages\/mine\/index/)
  const item = page.locator('.household-item').first()
  await item.waitFor()
  expect(await item.innerText()).toContain('阳光花园 2栋1单元301')
  expect(await item.innerText()).toContain('业主')
  expect(await page.locator('.household-item__current').innerText()).toBe('当前')
  await settled(page, 'households-mine-after-bind')
  await page.context().close()
})

test('the owner invites a family member, who opens the invite, asks to join and is approved', async () => {
  const owner = await openApp(e2e, { persona: 'owner', path: '/packages/households/pages/members/index?householdId=h-1-1-101' })
  await owner.locator('.member-row').first().waitFor()
  expect(await owner.locator('.section-title').first().innerText()).toBe('阳光花园 1栋1单元101')
  await owner.locator('.invite-family').click()
  const codeEl = owner.locator('.invite-card__code')
  await codeEl.waitFor()
  const code = (await codeEl.innerText()).trim()
  expect(code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/)
  await settled(owner, 'households-members-invite')

  // The share card opens the invite page with the code; here another persona opens that path.
  const guest = await openApp(e2e, { persona: 'visitor', path: `/packages/households/pages/invite/index?code=${code}` })
  await guest.locator('.invite-household').waitFor()
  expect(await guest.locator('.invite-household').innerText()).toBe('阳光花园 1栋1单元101')
  expect(await guest.getByText('邀请您作为家属加入').count()).toBe(1)
  await guest.locator('.invite-nickname input').fill('王小妹')
  await settled(guest, 'households-invite-open')
  await guest.locator('.invite-accept').click()
  await guest.getByText('已提交申请').waitFor()
  await settled(guest, 'households-invite-accepted')

  // The code is one-time: opening it again shows it used (the guest is now waiting for approval).
  await owner.reload()
  const pending = owner.locator('.member-row--pending', { hasText: '王小妹' })
  await pending.waitFor()
  await settled(owner, 'households-members-pending')
  await pending.locator('.member-approve').click()
  await owner.locator('.member-row--active', { hasText: '王小妹' }).waitFor()
  await settled(owner, 'households-members-approved')

  await guest.goto(`${e2e.baseUrl}/#/pages/mine/index`)
  const item = guest.locator('.household-item').first()
  await item.waitFor()
  expect(await item.innerText()).toContain('阳光花园 1栋1单元101')
  expect(await item.innerText()).toContain('家属')
  await settled(guest, 'households-guest-mine')
  await owner.context().close()
  await guest.context().close()
})

test('a steward opens 我的网格 from 房屋与成员: penetration per building, households of a building', async () => {
  const page = await openApp(e2e, { persona: 'steward', path: '/packages/households/pages/index/index' })
  await page.locator('.nut-button', { hasText: '我的网格' }).click()
  await page.waitForURL(/packages\/households\/pages\/grid\/index/)
  await page.locator('.grid-building').first().waitFor()
  expect(await page.locator('.grid-summary__num').first().innerText()).toBe('180')
  expect(await page.locator('.grid-penetration').innerText()).toMatch(/^\d+\.\d%$/)
  expect(await page.locator('.grid-building__head').allInnerTexts()).toEqual([
    expect.stringContaining('1栋'),
    expect.stringContaining('2栋'),
    expect.stringContaining('3栋'),
  ])
  await page.locator('.grid-building__head', { hasText: '1栋' }).click()
  const first = page.locator('.grid-household').first()
  await first.waitFor()
  expect(await first.innerText()).toMatch(/1单元101 · .\*+ 尾号\d{4}\s*已绑定 \d 人/)
  expect(await page.locator('.grid-household').count()).toBe(30)
  await settled(page, 'households-steward-grid')
  await page.context().close()
})
