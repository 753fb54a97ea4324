import { createTestWorld, type TestWorld } from '../support/test-platform'
import { bootWeapp, type SimPage, type WeappSim } from './support/weapp-sim'
import { findByClass, textOf, type ViewNode } from './support/view-tree'

/**
 * The staff pages of the WeChat build in miniprogram-simulate, against the real functions and the seeded
 * demo community: the role-aware home (维修 / 管家 / 运营工作台), the technician workbench, the steward's
 * arrears and the ops dashboard. First-screen setData sizes are printed for docs/benchmarks.md
 * (`npm run bench -- miniprogram` records the same figures).
 */
let world: TestWorld
let sim: WeappSim

beforeAll(async () => {
  world = await createTestWorld({ seed: true })
  sim = bootWeapp(world)
})
afterAll(() => world.close())

const kpiValue = (root: ViewNode, label: string) => {
  const tile = findByClass(root, 'kpi').find((k) => textOf(findByClass(k, 'kpi__label')[0]) === label)
  if (!tile) throw new Error(`no KPI ${label}`)
  return textOf(findByClass(tile, 'kpi__value')[0])
}
const sizes: Record<string, { bytes: number; calls: number }> = {}
function record(label: string, page: SimPage) {
  sizes[label] = { bytes: page.calls.reduce((s, c) => s + c.bytes, 0), calls: page.calls.length }
}

afterAll(() => {
  // eslint-disable-next-line no-console
  console.log(Object.entries(sizes).map(([k, v]) => `${k}: ${v.bytes} B in ${v.calls} setData calls`).join('\n'))
})

describe('role-aware home on weapp', () => {
  test('a technician lands on 维修工作台: counts and the queue from repairs', async () => {
    sim.setOpenid('demo-technician')
    const page = await sim.openPage('pages/index/index')
    record('首页 technician', page)
    expect(findByClass(page.root(), 'staff-hero__title').map(textOf)).toEqual(['维修工作台'])
    expect(kpiValue(page.root(), '待接单')).toBe('1')
    expect(kpiValue(page.root(), '处理中')).toBe('0')
    expect(kpiValue(page.root(), '超时')).toBe('0')
    const queue = findByClass(page.root(), 'queue-item')
    expect(queue).toHaveLength(1)
    expect(textOf(queue[0])).toContain('厨房水槽')
    // No resident home underneath: no notices, no bind prompt.
    expect(findByClass(page.root(), 'notice-card')).toHaveLength(0)
    const before = sim.navigations.length
    page.tap(queue[0])
    expect(sim.navigations.slice(before)).toEqual(['/packages/repairs/pages/detail/index?id=rp-demo-sink'])
    page.unload()
  })

  test("a steward lands on 管家工作台: the grid's KPIs, today's tasks and arrears", async () => {
    sim.setOpenid('demo-steward')
    const page = await sim.openPage('pages/index/index')
    record('首页 steward', page)
    const arrears = await world.call('fees', 'demo-steward', { action: 'arrears', limit: 1 })
    if (!arrears.ok) throw new Error(arrears.code)
    expect(kpiValue(page.root(), '欠费户')).toBe(String(arrears.data.summary.households))
    expect(kpiValue(page.root(), '网格户数')).toBe('180')
    expect(findByClass(page.root(), 'task-item').length).toBeGreaterThan(0)
    expect(textOf(findByClass(page.root(), 'arrears-glance')[0])).toContain(`${arrears.data.summary.households} 户`)
    page.unload()
  })

  test('ops land on 运营工作台 with every area of the month', async () => {
    sim.setOpenid('demo-ops')
    const page = await sim.openPage('pages/index/index')
    record('首页 ops', page)
    expect(findByClass(page.root(), 'ops-area__title').map(textOf)).toEqual(['物业缴费', '报事报修', '社区团购', '住户与管家', '后续处理'])
    const dash = await world.call('ops', 'demo-ops', { action: 'opsDashboard', communityId: 'c-sunshine' })
    if (!dash.ok) throw new Error(dash.code)
    const community = dash.data.rows.find((r: any) => r.scope === 'community')
    expect(kpiValue(page.root(), '收缴率')).toBe(`${community.feeRatePct.toFixed(1)}%`)
    expect(kpiValue(page.root(), '本月报修')).toBe(String(community.repairsFiled))
    page.unload()
  })

  test('a resident still gets the resident home', async () => {
    sim.setOpenid('demo-owner')
    const page = await sim.openPage('pages/index/index')
    expect(findByClass(page.root(), 'staff-board')).toHaveLength(0)
    expect(findByClass(page.root(), 'role-switch')).toHaveLength(0)
    expect(textOf(findByClass(page.root(), 'home-header__community')[0])).toBe('阳光花园')
    page.unload()
  })
})

describe('staff pages on weapp', () => {
  test('维修工作台: the tabs carry the counts and list that tab', async () => {
    sim.setOpenid('demo-technician')
    const page = await sim.openPage('packages/repairs/pages/workbench/index', { tab: 'waiting' })
    record('维修工作台', page)
    const tabs = findByClass(page.root(), 'bench-tabs__tab').map(textOf)
    expect(tabs).toEqual(['1待接单', '0处理中', '0超时', '0今日完成'])
    expect(findByClass(page.root(), 'ticket-row')).toHaveLength(1)
    page.unload()
  })

  test('欠费催缴: masked owner, phone hint, and 一键拨号 on every row', async () => {
    sim.setOpenid('demo-steward')
    const page = await sim.openPage('packages/steward/pages/arrears/index')
    record('欠费催缴', page)
    const rows = findByClass(page.root(), 'arrears-row').filter((r) => findByClass(r, 'arrears-row__owner').length > 0)
    expect(rows.length).toBeGreaterThan(0)
    for (const r of rows) {
      expect(textOf(findByClass(r, 'arrears-row__owner')[0])).toMatch(/^业主 \S\*+ · 手机尾号\d{4}$/)
      expect(textOf(findByClass(r, 'arrears-row__actions')[0])).toContain('一键拨号')
    }
    page.unload()
  })

  test('运营看板: the name column is its own column beside the scrolled table, one name per row', async () => {
    sim.setOpenid('demo-ops')
    const page = await sim.openPage('packages/ops/pages/dashboard/index')
    record('运营看板', page)
    const names = findByClass(findByClass(page.root(), 'ops-table__names')[0], 'report-table__cell--name')
    const rows = findByClass(page.root(), 'report-table__row').filter((r) => !findByClass(r, 'report-table__cell--head').length)
    expect(names.length).toBe(rows.length + 1)
    expect(textOf(names[1])).toContain('阳光花园')
    page.unload()
  })
})
