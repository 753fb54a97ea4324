import { createTestWorld, type TestWorld } from '../../support/test-platform'

type NoticeView = { id: string; title: string; pinned: boolean; scope: string | null; publishedAt: string }

/** Notices: building-scoped, pinned only until the event is over, newest first, with history paging. */
describe('households: notices', () => {
  let world: TestWorld
  beforeEach(async () => {
    // 2026-11-22 10:00 in Beijing.
    world = await createTestWorld({ seed: true })
  })
  afterEach(() => world.close())

  async function notices(openid: string, input: Record<string, unknown> = {}) {
    const r = await world.call('households', openid, { action: 'notices', ...input })
    if (!r.ok) throw new Error(`${r.code} ${r.message}`)
    return r.data as { items: NoticeView[]; hasMore: boolean }
  }

  it('a 1栋 owner sees the 1栋 lift notice pinned on top, not 2栋’s outage; the old outage is history, not pinned', async () => {
    const { items: list } = await notices('demo-owner')
    expect(list[0]).toMatchObject({ id: 'n-lift', title: '11月24日 1栋电梯维保', pinned: true, scope: '1栋' })
    expect(list.map((n) => n.id)).not.toContain('n-water')
    expect(list.map((n) => n.id)).toEqual(['n-lift', 'n-heating', 'n-fire', 'n-fee', 'n-old-water'])
    expect(list.find((n) => n.id === 'n-old-water')).toMatchObject({ pinned: false, title: '11月10日 全小区停水通知' })
    const published = list.slice(1).map((n) => Date.parse(n.publishedAt))
    expect(published).toEqual([...published].sort((a, b) => b - a))
  })

  it('staff see every building’s notices; paging walks the history without repeats', async () => {
    const all = (await notices('demo-steward')).items.map((n) => n.id)
    expect(all.slice(0, 2).sort()).toEqual(['n-lift', 'n-water'])
    const first = await notices('demo-steward', { limit: 4 })
    const second = await notices('demo-steward', { limit: 4, offset: 4 })
    expect(first.hasMore).toBe(true)
    expect(second.hasMore).toBe(false)
    expect([...first.items, ...second.items].map((n) => n.id)).toEqual(all)
  })

  it('pinning ends with the event: three days later the lift notice is an ordinary one', async () => {
    world.clock.advance(3 * 86400_000)
    const { items: list } = await notices('demo-owner')
    expect(list.every((n) => !n.pinned)).toBe(true)
    expect(list[0].id).toBe('n-lift')
  })

  it('a notice of another building is not found, one of the own building opens', async () => {
    expect(await world.call('households', 'demo-owner', { action: 'notice', id: 'n-water' })).toMatchObject({ ok: false, code: 'NOTICE.NOT_FOUND' })
    expect(await world.call('households', 'demo-owner', { action: 'notice', id: 'n-lift' })).toMatchObject({ ok: true, data: { notice: { id: 'n-lift', scope: '1栋' } } })
    // Someone who lives nowhere is outside the action's audience altogether.
    expect(await world.call('households', 'demo-unbound', { action: 'notice', id: 'n-heating' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
  })
})
