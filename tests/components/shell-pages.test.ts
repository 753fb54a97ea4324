import { createTestWorld, type TestWorld } from '../support/test-platform'
import { bootWeapp, type WeappSim } from './support/weapp-sim'
import { findByClass, textOf } from './support/view-tree'

/**
 * The tab pages of the WeChat build, run in miniprogram-simulate against the real households function
 * and the seeded demo community (wx.cloud.callFunction → invokeLocal).
 */
let world: TestWorld
let sim: WeappSim

beforeAll(async () => {
  world = await createTestWorld({ seed: true })
  sim = bootWeapp(world)
})
afterAll(() => world.close())

describe('我的 (pages/mine/index)', () => {
  test('a bound owner sees their household label, role and that it is the current one', async () => {
    sim.setOpenid('demo-owner')
    const page = await sim.openPage('pages/mine/index')
    const items = findByClass(page.root(), 'household-item')
    expect(items).toHaveLength(1)
    expect(textOf(items[0])).toContain('阳光花园 1栋1单元101')
    expect(textOf(findByClass(items[0], 'household-item__role')[0])).toBe('业主')
    expect(textOf(findByClass(items[0], 'household-item__current')[0])).toBe('当前')
    expect(findByClass(page.root(), 'mine-empty')).toHaveLength(0)
    // It really went through the function: one callFunction to households.me.
    expect(sim.cloudCalls.some((c) => c.name === 'households' && c.data.action === 'me')).toBe(true)
    page.unload()
  })

  test('a family member sees the same home marked 家属', async () => {
    sim.setOpenid('demo-family')
    const page = await sim.openPage('pages/mine/index')
    const item = findByClass(page.root(), 'household-item')[0]
    expect(textOf(item)).toContain('1栋1单元101')
    expect(textOf(findByClass(item, 'household-item__role')[0])).toBe('家属')
    page.unload()
  })

  test('staff see their name and role', async () => {
    sim.setOpenid('demo-steward')
    const page = await sim.openPage('pages/mine/index')
    expect(textOf(findByClass(page.root(), 'profile__name')[0])).toBe('张敏')
    expect(textOf(findByClass(page.root(), 'profile__tags')[0])).toContain('网格管家')
    page.unload()
  })

  test('an unbound resident sees the empty state, and 去绑定 opens the binding page', async () => {
    sim.setOpenid('demo-unbound')
    const page = await sim.openPage('pages/mine/index')
    expect(findByClass(page.root(), 'household-item')).toHaveLength(0)
    const empty = findByClass(page.root(), 'mine-empty')
    expect(empty).toHaveLength(1)
    expect(textOf(empty[0])).toContain('还没有绑定房屋')
    expect(textOf(empty[0])).toContain('去绑定')

    const before = sim.navigations.length
    page.tap(findByClass(empty[0], 'mine-empty__action')[0])
    expect(sim.navigations.slice(before)).toEqual(['/packages/households/pages/bind/index'])
    page.unload()
  })
})

describe('error state', () => {
  test('a failing function shows 加载失败 with its message, and 重试 loads the page', async () => {
    sim.setOpenid('demo-owner')
    const engine = world.platform.local.engine
    engine.faultHook = () => {
      throw new Error('disk unavailable')
    }
    let page
    try {
      page = await sim.openPage('pages/mine/index')
    } finally {
      engine.faultHook = undefined
    }
    const error = findByClass(page.root(), 'page-state--error')
    expect(error).toHaveLength(1)
    expect(textOf(error[0])).toContain('系统繁忙，请稍后再试')
    expect(findByClass(page.root(), 'household-item')).toHaveLength(0)

    page.tap(findByClass(error[0], 'page-state__action')[0])
    await page.settle()
    expect(findByClass(page.root(), 'page-state--error')).toHaveLength(0)
    expect(textOf(findByClass(page.root(), 'household-item')[0])).toContain('1栋1单元101')
    page.unload()
  })
})

describe('首页 (pages/index/index)', () => {
  test("the owner's front door: house, six services, the 待缴 banner, notices pinned and scoped; first-screen setData stays small", async () => {
    sim.setOpenid('demo-owner')
    const page = await sim.openPage('pages/index/index')
    const root = page.root()
    expect(textOf(findByClass(root, 'home-header__community')[0])).toBe('阳光花园')
    expect(textOf(findByClass(root, 'home-header__house')[0])).toContain('1栋1单元101')
    expect(findByClass(root, 'shortcut__title').map((n) => textOf(n))).toEqual(['缴费', '报修', '开门', '访客', '团购', '预约服务'])
    const banner = findByClass(root, 'due-banner')
    expect(banner).toHaveLength(1)
    expect(textOf(findByClass(banner[0], 'due-banner__amount')[0])).toMatch(/^¥[\d,]+\.\d\d$/)
    const cards = findByClass(root, 'notice-card')
    expect(cards.map((c) => textOf(findByClass(c, 'notice-card__title')[0]))).toEqual(['11月24日 1栋电梯维保', '冬季供暖试运行', '消防通道清理'])
    expect(findByClass(cards[0], 'notice-card__tag').map((t) => textOf(t))).toEqual(['置顶', '1栋'])
    expect(findByClass(cards[1], 'notice-card__tag')).toHaveLength(0)

    // What the first screen costs the render thread (docs/benchmarks.md records these figures).
    const total = page.calls.reduce((sum, c) => sum + c.bytes, 0)
    const largest = Math.max(...page.calls.map((c) => c.bytes))
    process.stdout.write(`[setData] home first screen (owner): ${page.calls.length} calls, ${total} bytes total, largest ${largest} bytes\n`)
    // WeChat advises keeping one setData well under 256 KB; the whole first screen should be far below.
    expect(largest).toBeLessThan(256 * 1024)
    // Tapping 缴费 opens the fees page of the subpackage.
    const before = sim.navigations.length
    page.tap(findByClass(root, 'shortcut')[0])
    await page.settle()
    expect(sim.navigations.slice(before)).toEqual(['/packages/fees/pages/index/index'])
    page.unload()
  })

  test('a notice added to the database shows after pull-to-refresh', async () => {
    sim.setOpenid('demo-owner')
    const page = await sim.openPage('pages/index/index')
    await world.platform.db.collection('notices').add({
      _id: 'n-test-refresh',
      communityId: 'c-sunshine',
      title: '电梯年检',
      body: '全小区电梯本周四年检。',
      pinned: false,
      publishedAt: world.clock.now(),
    })
    page.instance.onPullDownRefresh()
    await page.settle()
    const titles = findByClass(page.root(), 'notice-card__title').map((n) => textOf(n))
    expect(titles).toEqual(['11月24日 1栋电梯维保', '电梯年检', '冬季供暖试运行'])
    page.unload()
  })

  test('an unbound resident is invited to bind instead of empty sections', async () => {
    sim.setOpenid('demo-unbound')
    const page = await sim.openPage('pages/index/index')
    expect(findByClass(page.root(), 'notice-card')).toHaveLength(0)
    expect(findByClass(page.root(), 'due-banner')).toHaveLength(0)
    expect(textOf(findByClass(page.root(), 'home-bind')[0])).toContain('绑定房屋')
    expect(findByClass(page.root(), 'shortcut')).toHaveLength(6)
    page.unload()
  })
})

describe('服务 (pages/services/index)', () => {
  const titles = (root: ReturnType<Awaited<ReturnType<WeappSim['openPage']>>['root']>) =>
    findByClass(root, 'service-tile__title').map((n) => textOf(n))

  test('residents see the resident services (社区活动 among them) and no workbench', async () => {
    sim.setOpenid('demo-owner')
    const page = await sim.openPage('pages/services/index')
    expect(titles(page.root())).toEqual(['物业缴费', '报事报修', '门禁通行', '社区团购', '加入社群', '社区活动', '我的订单'])
    page.unload()
  })

  test('a steward also sees 管家工作台, ops sees 运营看板; tapping a tile opens its subpackage', async () => {
    sim.setOpenid('demo-steward')
    const steward = await sim.openPage('pages/services/index')
    expect(titles(steward.root())).toContain('管家工作台')
    expect(titles(steward.root())).not.toContain('运营看板')
    const before = sim.navigations.length
    steward.tap(findByClass(steward.root(), 'service-tile').find((n) => textOf(n).includes('管家工作台'))!)
    expect(sim.navigations.slice(before)).toEqual(['/packages/steward/pages/index/index'])
    steward.unload()

    sim.setOpenid('demo-ops')
    const ops = await sim.openPage('pages/services/index')
    expect(titles(ops.root())).toContain('运营看板')
    expect(titles(ops.root())).not.toContain('管家工作台')
    ops.unload()
  })
})
