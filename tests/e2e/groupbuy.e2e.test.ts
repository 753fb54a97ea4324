import type { Page } from 'playwright-core'
import { openApp, screenshot, startE2E, type E2E } from './support/e2e'
import { must } from '../../cloudfunctions/core/kernel/db-result'
import { COLLECTIONS } from '../../cloudfunctions/core/households'
import type { SandboxPayments } from '../../cloudfunctions/platform/local/sandbox-pay/sandbox-payments'
import { GROUPBUY_COLLECTIONS, type EntryDoc, type RedemptionDoc, type SkuDoc } from '../../cloudfunctions/core/groupbuy/groupbuy.model'
import type { HouseholdDoc, ResidentDoc } from '../../cloudfunctions/core/households/household.model'

/**
 * Group buys in Chromium on the H5 build, at 375×812: a resident browses, opens a product, adds two SKUs,
 * confirms with the pickup point, pays, sees "差 N 户" and makes the invite poster; the steward opens
 * 今日待提, types a code, sees the order's items and confirms — and a mistyped code that belongs to another
 * order shows that other order's items before anything is redeemed.
 */
let e2e: E2E

beforeAll(async () => {
  e2e = await startE2E()
})
afterAll(async () => {
  await e2e?.close()
})

async function phone(persona: string, path: string): Promise<Page> {
  const page = await openApp(e2e, { persona, path })
  await page.setViewportSize({ width: 375, height: 812 })
  return page
}

async function post(url: string, body: Record<string, unknown>, openid?: string) {
  const res = await fetch(`${e2e.baseUrl}${url}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(openid ? { 'x-dev-openid': openid } : {}) }, body: JSON.stringify(body) })
  const reply = (await res.json()) as { ok: boolean; data?: any; code?: string; message?: string }
  if (!reply.ok) throw new Error(`${url} ${String(body.action)}: ${reply.code} ${reply.message}`)
  return reply.data
}

const entryOf = async (orderId: string) => (must(await e2e.stack.platform.db.collection(GROUPBUY_COLLECTIONS.entries).doc(orderId).get()).data as EntryDoc[])[0]

test('a resident browses, opens a product, adds two SKUs, confirms with the pickup point, pays, sees 差 N 户 and shares', async () => {
  const page = await phone('owner', '/packages/groupbuy/pages/index/index')
  const card = page.locator('[data-testid="campaign-item"]', { hasText: '冬季鲜果团' })
  await card.waitFor()
  expect(await card.innerText()).toContain('差 10 户成团')
  await screenshot(page, 'groupbuy-list')
  await card.click()

  await page.locator('[data-testid="campaign-title"]', { hasText: '冬季鲜果团' }).waitFor()
  // Product pictures come through the Storage port (drawn PNGs in the demo), and really load.
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="gallery"] img')].some((i) => (i as HTMLImageElement).naturalWidth > 0))
  expect(await page.locator('[data-testid="sold-count"]').innerText()).toBe('已团 0 件')
  expect(await page.locator('[data-testid="original-price"]').first().innerText()).toMatch(/^¥\d+\.\d{2}$/)
  expect(await page.locator('[data-testid="pickup-window"]').innerText()).toContain('物业服务中心')
  expect(await page.getByText('（北京时间）').innerText()).toMatch(/09:00–19:00/)
  const navel = page.locator('[data-testid="sku"]', { hasText: '赣南脐橙 5斤装' })
  expect(await navel.innerText()).toContain('产地 江西赣州')
  await navel.locator('[data-testid="sku-plus"]').click()
  const mandarin = page.locator('[data-testid="sku"]', { hasText: '砂糖橘' })
  await mandarin.locator('[data-testid="sku-plus"]').click()
  await mandarin.locator('[data-testid="sku-plus"]').click()
  await page.getByText('合计 ¥91.70').waitFor()
  await screenshot(page, 'groupbuy-product')
  await page.locator('[data-testid="checkout"]').click()

  await page.waitForURL(/pages\/confirm\/index/)
  await page.locator('[data-testid="confirm-pickup"]', { hasText: '物业服务中心（1栋旁）' }).waitFor()
  expect(await page.locator('[data-testid="confirm-line"]').allInnerTexts()).toEqual([expect.stringContaining('赣南脐橙 5斤装 × 1'), expect.stringContaining('广西砂糖橘 3斤装 × 2')])
  // The collector is prefilled from the registry, masked.
  expect(await page.locator('[data-testid="confirm-contact"]').innerText()).toMatch(/\S\*+ \*{7}\d{4}/)
  await page.locator('[data-testid="note"] textarea, textarea[data-testid="note"]').first().fill('晚上 7 点后来取')
  const breakdown = await page.locator('[data-testid="price-breakdown"]').innerText()
  expect(breakdown).toContain('实付')
  expect(breakdown).toContain('¥91.70')
  expect(breakdown).toContain('团购优惠')
  await screenshot(page, 'groupbuy-confirm')
  await page.locator('[data-testid="submit-order"]').click()

  const sheet = page.locator('[data-testid="sandbox-pay-sheet"]')
  await sheet.getByText('¥91.70').waitFor()
  await sheet.locator('.nut-button', { hasText: '确认支付' }).click()
  await page.waitForURL(/pages\/order\/index/)
  await page.waitForFunction(() => document.querySelector('[data-testid="order-status"]')?.textContent === '待成团')
  expect(await page.locator('[data-testid="missing"]').innerText()).toBe('已有 1 户参团，差 9 户成团')
  expect(await page.locator('[data-testid="invite-headline"]').innerText()).toBe('差 9 户成团')
  await page.locator('[data-testid="make-poster"]').click()
  const poster = page.locator('[data-testid="poster"] img, img[data-testid="poster"]').first()
  await page.waitForFunction(() => {
    const img = document.querySelector('[data-testid="poster"] img, img[data-testid="poster"]') as HTMLImageElement | null
    return !!img && img.src.startsWith('data:image/png') && img.naturalWidth === 600
  })
  expect(await poster.getAttribute('src')).toMatch(/^data:image\/png;base64,/)
  await screenshot(page, 'groupbuy-paid-invite')

  // The order really holds the note; the product page now counts the household and the units.
  const orders = must(await e2e.stack.platform.db.collection(GROUPBUY_COLLECTIONS.entries).where({ householdId: 'h-1-1-101', campaignId: 'gb-demo-oranges' }).get()).data as EntryDoc[]
  expect(orders).toEqual([expect.objectContaining({ stage: 'paid', note: '晚上 7 点后来取' })])
  await page.goto(`${e2e.baseUrl}/#/packages/groupbuy/pages/detail/index?campaignId=gb-demo-oranges`)
  await page.locator('[data-testid="sold-count"]', { hasText: '已团 3 件' }).waitFor()
  expect(await page.locator('[data-testid="joiners"]').innerText()).toContain('1栋')
  await page.context().close()

  // A steward's page offers the card and poster carrying their id (the touch parameter)…
  const steward = await phone('steward', '/packages/groupbuy/pages/detail/index?campaignId=gb-demo-oranges')
  const panel = steward.locator('[data-testid="share-panel"]')
  await panel.waitFor()
  expect(await panel.getAttribute('data-link')).toContain('stewardId=s-steward')
  await panel.scrollIntoViewIfNeeded()
  await screenshot(steward, 'groupbuy-steward-share')
  await steward.context().close()
})

test('the steward opens 今日待提, enters a code, sees the items and confirms; a mistyped code shows the other order before anything is redeemed', async () => {
  const now = Date.now()
  const minute = 60_000
  const { campaignId } = await post('/console/fn/ops', {
    action: 'groupbuyCreateCampaign',
    communityId: 'c-sunshine',
    title: '周末鲜奶团',
    description: '本地牧场鲜奶，冷链到小区',
    minParticipants: 1,
    deadline: new Date(now + 2 * minute).toISOString(),
    pickup: { point: '2栋架空层提货点', startsAt: new Date(now + 3 * minute).toISOString(), endsAt: new Date(now + 180 * minute).toISOString() },
    skus: [
      { title: '鲜牛奶 950ml', priceFen: 1590, stock: 50, limitPerHousehold: 4 },
      { title: '酸奶 6杯装', priceFen: 2290, stock: 30, limitPerHousehold: 2 },
    ],
  })
  const campaign = await post('/fn/groupbuy', { action: 'campaign', campaignId }, 'demo-owner')
  const [milk, yogurt] = campaign.campaign.skus.map((s: { skuId: string }) => s.skuId)
  // A neighbour in building 2 is bound too (written to the registry directly: binding is another area's flow).
  must(await e2e.stack.platform.db.collection(COLLECTIONS.residents).add({ _id: 'r-e2e-neighbour', openid: 'e2e-neighbour', householdId: 'h-2-1-301', communityId: 'c-sunshine', role: 'owner', status: 'active', boundAt: new Date() }))
  const sandbox = e2e.stack.platform.ports.payments as SandboxPayments
  const buy = async (openid: string, householdId: string, items: { skuId: string; quantity: number }[]) => {
    const placed = await post('/fn/groupbuy', { action: 'placeOrder', requestId: `e2e-${openid}-${now}`, campaignId, householdId, items, contact: { name: openid === 'demo-owner' ? '王建国' : '李晓梅', phone: '13800001234' } }, openid)
    await sandbox.confirm(placed.payment.prepayId, openid)
    return placed.order.orderId as string
  }
  const mine = await buy('demo-owner', 'h-1-1-101', [{ skuId: milk, quantity: 2 }, { skuId: yogurt, quantity: 1 }])
  const neighbours = await buy('e2e-neighbour', 'h-2-1-301', [{ skuId: yogurt, quantity: 2 }])
  expect(await post('/console/fn/ops', { action: 'groupbuyCloseNow', requestId: `e2e-close-${now}`, campaignId })).toMatchObject({ formed: 1, pickupCodesIssued: 2 })
  const myCode = (await entryOf(mine)).pickupCode!
  const theirCode = (await entryOf(neighbours)).pickupCode!

  const page = await phone('steward', '/packages/groupbuy/pages/pickup/index')
  const today = page.locator('[data-testid="today-pickups"]')
  await today.waitFor()
  expect(await today.innerText()).toContain('2栋架空层提货点')
  expect(await today.innerText()).toContain('待提 2 · 已提 0')
  await screenshot(page, 'groupbuy-steward-today')

  // The owner reads out their code, the steward mistypes it into the neighbour's: that order is shown, nothing happens.
  const input = page.locator('[data-testid="pickup-input"] input, input[data-testid="pickup-input"]').first()
  await input.fill(theirCode)
  await page.locator('[data-testid="pickup-lookup"]').click()
  const preview = page.locator('[data-testid="pickup-preview"]')
  await preview.waitFor()
  expect(await preview.innerText()).toContain('2栋1单元301')
  expect(await preview.innerText()).toContain('李** · 尾号 1234')
  expect(await preview.innerText()).toContain('酸奶 6杯装 × 2')
  expect((await entryOf(neighbours)).stage).toBe('awaiting_pickup')
  expect(must(await e2e.stack.platform.db.collection(GROUPBUY_COLLECTIONS.redemptions).where({ campaignId }).get()).data).toEqual([])
  await screenshot(page, 'groupbuy-steward-mistyped')
  await page.locator('.nut-button', { hasText: '不是这单' }).click()

  await input.fill(myCode)
  await page.locator('[data-testid="pickup-lookup"]').click()
  await preview.locator('[data-testid="preview-household"]', { hasText: '1栋1单元101' }).waitFor()
  expect(await preview.innerText()).toContain('鲜牛奶 950ml × 2')
  expect(await preview.innerText()).toContain('王** · 尾号 1234')
  await screenshot(page, 'groupbuy-steward-preview')
  await page.locator('[data-testid="pickup-confirm"]').click()
  const done = page.locator('[data-testid="pickup-done"]')
  await done.waitFor()
  expect(await done.innerText()).toContain('核销成功，已全部交付')
  expect(await done.innerText()).toContain('本次交付：鲜牛奶 950ml × 2')
  await page.locator('[data-testid="today-count"]', { hasText: '待提 1 · 已提 1' }).waitFor()
  await screenshot(page, 'groupbuy-steward-redeemed')
  expect((await entryOf(mine)).stage).toBe('picked_up')
  expect((await entryOf(neighbours)).stage).toBe('awaiting_pickup')
  const log = must(await e2e.stack.platform.db.collection(GROUPBUY_COLLECTIONS.redemptions).where({ campaignId }).get()).data as RedemptionDoc[]
  expect(log).toEqual([expect.objectContaining({ orderId: mine, by: 'demo-steward', completed: true })])
  await page.context().close()

  // The resident sees code and items on the order detail.
  const owner = await phone('owner', `/packages/groupbuy/pages/order/index?orderId=${mine}`)
  await owner.waitForFunction(() => document.querySelector('[data-testid="order-status"]')?.textContent === '已提货')
  expect((await owner.locator('[data-testid="pickup-code"]').innerText()).replace(/\s/g, '')).toBe(myCode)
  expect(await owner.locator('[data-testid="order-line"]').allInnerTexts()).toEqual([expect.stringContaining('已提'), expect.stringContaining('已提')])
  // Ended campaign: no invite any more.
  expect(await owner.locator('[data-testid="share-panel"]').count()).toBe(0)
  await screenshot(owner, 'groupbuy-order-picked-up')
  await owner.context().close()
})

test('a flash sale’s last unit: a neighbour buys it while the owner is on 确认订单; 提交并支付 says 库存不足, nothing is charged, and the page turns to 商品已售罄', async () => {
  const db = e2e.stack.platform.db
  const now = Date.now()
  const hour = 3600_000
  const created = await post('/console/fn/ops', {
    action: 'groupbuyCreateCampaign',
    communityId: 'c-sunshine',
    title: '整点秒杀 土鸡蛋',
    minParticipants: 1,
    deadline: new Date(now + 24 * hour).toISOString(),
    pickup: { point: '物业服务中心', startsAt: pickupAt(now, 2, 9), endsAt: pickupAt(now, 2, 18) },
    skus: [{ title: '散养土鸡蛋 30枚', priceFen: 990, stock: 1, limitPerHousehold: 1 }],
  })
  const campaignId = created.campaignId as string
  // A neighbour in another building, bound the way the registry binds residents.
  const neighbour: HouseholdDoc = { _id: 'h-e2e-flash', communityId: 'c-sunshine', buildingId: 'b-3', building: '3栋', unit: '1单元', room: '502', areaM2: 89, ownerName: '赵女士', ownerPhoneHash: 'x', ownerPhoneLast4: '0000', updatedAt: new Date() }
  const resident: ResidentDoc = { _id: 'r-e2e-flash', openid: 'e2e-flash-neighbour', householdId: neighbour._id, communityId: 'c-sunshine', role: 'owner', status: 'active', boundAt: new Date() }
  must(await db.collection(COLLECTIONS.households).add(neighbour))
  must(await db.collection(COLLECTIONS.residents).add(resident))

  const page = await phone('owner', `/packages/groupbuy/pages/detail/index?campaignId=${campaignId}`)
  await page.locator('[data-testid="campaign-title"]', { hasText: '整点秒杀 土鸡蛋' }).waitFor()
  await page.locator('[data-testid="sku"]', { hasText: '散养土鸡蛋' }).locator('[data-testid="sku-plus"]').click()
  await page.locator('[data-testid="checkout"]').click()
  await page.waitForURL(/pages\/confirm\/index/)
  await page.locator('[data-testid="confirm-line"]', { hasText: '散养土鸡蛋 30枚 × 1' }).waitFor()

  // The neighbour is faster.
  const skuId = `${campaignId}_s1`
  const won = await post('/fn/groupbuy', { action: 'placeOrder', requestId: `e2e-flash-${now}`, campaignId, householdId: neighbour._id, items: [{ skuId, quantity: 1 }] }, resident.openid)
  expect(won.order.orderId).toEqual(expect.any(String))

  await page.locator('[data-testid="submit-order"]').click()
  await page.getByText('「散养土鸡蛋 30枚」库存不足').waitFor()
  await page.locator('[data-testid="submit-order"]', { hasText: '商品已售罄' }).waitFor()
  expect(await page.locator('[data-testid="confirm-line"]').innerText()).toContain('已售罄')
  // No 团购优惠 row when the price is the usual one.
  expect(await page.locator('[data-testid="price-breakdown"]').innerText()).not.toContain('团购优惠')
  await screenshot(page, 'groupbuy-flash-sold-out')
  // NutUI renders its Button as taro-button-core on H5: disabled shows as its class, not a disabled attribute.
  expect(await page.locator('[data-testid="submit-order"]').getAttribute('class')).toContain('nut-button-disabled')
  expect(await page.locator('[data-testid="sandbox-pay-sheet"]').count()).toBe(0)

  // Exactly the one unit was sold, to the neighbour; the owner holds nothing and was charged nothing.
  const entries = must(await db.collection(GROUPBUY_COLLECTIONS.entries).where({ campaignId }).get()).data as EntryDoc[]
  expect(entries.map((e) => e.householdId)).toEqual([neighbour._id])
  const sku = (must(await db.collection(GROUPBUY_COLLECTIONS.skus).doc(skuId).get()).data as SkuDoc[])[0]
  expect(sku.remaining).toBe(0)
  await page.context().close()
})

/** An ISO time `days` ahead at `hour` o'clock Beijing time, so the page shows a pickup window a person would pick. */
function pickupAt(now: number, days: number, hour: number): string {
  const beijingMidnight = Math.floor((now + 8 * 3600_000) / 86400_000) * 86400_000 - 8 * 3600_000
  return new Date(beijingMidnight + days * 86400_000 + hour * 3600_000).toISOString()
}
