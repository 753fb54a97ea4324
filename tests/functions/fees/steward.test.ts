import { rid } from '../../support/test-platform'
import { must } from '../../../cloudfunctions/core/kernel/db-result'
import { OUTBOX_COLLECTION } from '../../../cloudfunctions/platform/local/outbox/outbox-notifier'
import { billsWhere, COMMUNITY, HOUSEHOLD, openFeesWorld, OWNER, payAndConfirm, STEWARD, STEWARD2, unpaidIds, type FeesWorld } from './fees-test-kit'

const GRID = ['b-1', 'b-2', 'b-3']
const DAY = 86400_000

/** Every row of my arrears list, page by page. */
async function allArrears(world: FeesWorld, openid = STEWARD) {
  const rows: any[] = []
  for (let offset = 0; ; offset += 50) {
    const page = await world.call('fees', openid, { action: 'arrears', limit: 50, offset })
    rows.push(...page.data.items)
    if (!page.data.hasMore) return rows
  }
}

async function outbox(world: FeesWorld) {
  return must(await world.platform.db.collection(OUTBOX_COLLECTION).where({ template: 'fee_reminder' }).limit(1000).get()).data as any[]
}

describe('steward: arrears and reminders', () => {
  let world: FeesWorld
  beforeAll(async () => {
    world = await openFeesWorld()
  })
  afterAll(() => world.close())

  it('lists the households of my grid that owe, with months owed and amounts, longest-owing first', async () => {
    const unpaid = (await billsWhere(world, { communityId: COMMUNITY, status: 'unpaid' })).filter((b) => GRID.includes(b.buildingId))
    const households = new Set(unpaid.map((b) => b.householdId))
    const res = await world.call('fees', STEWARD, { action: 'arrears', limit: 50 })
    expect(res.ok).toBe(true)
    expect(res.data.summary).toEqual({ households: households.size, billCount: unpaid.length, principalFen: unpaid.reduce((s, b) => s + b.principalFen, 0) })
    const oldest = res.data.items.map((r: any) => r.oldestPeriod)
    expect(oldest).toEqual([...oldest].sort())
    for (const row of res.data.items.slice(0, 5)) {
      const mine = unpaid.filter((b) => b.householdId === row.householdId)
      // 2026-11-22 in Shanghai; every demo item charges 5/10000 per day.
      const late = mine.reduce((s, b) => {
        const days = Math.max(0, Math.round((Date.parse('2026-11-22') - Date.parse(b.dueDate)) / DAY))
        return s + Math.min(Math.floor((b.principalFen * 5 * days) / 10_000), b.principalFen)
      }, 0)
      expect(row).toMatchObject({ billCount: mine.length, monthsOwed: new Set(mine.map((b) => b.period)).size, principalFen: mine.reduce((s, b) => s + b.principalFen, 0), lateFeeFen: late })
      expect(row.amountFen).toBe(row.principalFen + row.lateFeeFen)
    }
    // Pages follow one another without overlap.
    const p1 = await world.call('fees', STEWARD, { action: 'arrears', limit: 10 })
    const p2 = await world.call('fees', STEWARD, { action: 'arrears', limit: 10, offset: 10 })
    expect(p1.data.hasMore).toBe(true)
    expect(p2.data.items[0].householdId).toBe(res.data.items[10].householdId)
  })

  it('shows nothing outside my grid, and nothing to residents', async () => {
    const other = await allArrears(world, STEWARD2)
    expect(other.length).toBeGreaterThan(0)
    expect(other.every((r: any) => /[456]栋/.test(r.label))).toBe(true)
    expect(await world.call('fees', OWNER, { action: 'arrears' })).toMatchObject({ code: 'AUTH.FORBIDDEN' })
    expect(await world.call('fees', STEWARD2, { action: 'remind', requestId: rid('r'), householdIds: [HOUSEHOLD] })).toMatchObject({ code: 'AUTH.FORBIDDEN' })
    expect(await world.call('fees', OWNER, { action: 'remind', requestId: rid('r'), householdIds: [HOUSEHOLD] })).toMatchObject({ code: 'AUTH.FORBIDDEN' })
  })

  it('reminds each member by subscribe message at most once per bill per 3 days', async () => {
    const first = await world.call('fees', STEWARD, { action: 'remind', requestId: rid('r'), householdIds: [HOUSEHOLD] })
    expect(first.data.results).toEqual([expect.objectContaining({ householdId: HOUSEHOLD, status: 'sent', bills: 3, recipients: 2 })])
    const sent = await outbox(world)
    expect(sent.map((m) => m.toOpenid).sort()).toEqual(['demo-family', 'demo-owner'])
    expect(sent[0].page).toBe(`packages/fees/pages/index/index?householdId=${HOUSEHOLD}`)
    expect(sent[0].data.thing1).toBe('物业费等2项')

    const again = await world.call('fees', STEWARD, { action: 'remind', requestId: rid('r'), householdIds: [HOUSEHOLD] })
    expect(again.data.results[0]).toMatchObject({ status: 'too_soon', bills: 0 })
    const row = (await allArrears(world)).find((r: any) => r.householdId === HOUSEHOLD)
    expect(row).toMatchObject({ canRemind: false })
    world.clock.advance(3 * DAY - 60_000)
    expect((await world.call('fees', STEWARD, { action: 'remind', requestId: rid('r'), householdIds: [HOUSEHOLD] })).data.results[0].status).toBe('too_soon')
    world.clock.advance(60_000)
    expect((await world.call('fees', STEWARD, { action: 'remind', requestId: rid('r'), householdIds: [HOUSEHOLD] })).data.results[0].status).toBe('sent')
    expect(await outbox(world)).toHaveLength(4)
  })

  it('sees who paid after a reminder, and the arrears list shrinks', async () => {
    const before = await world.call('fees', STEWARD, { action: 'arrears', limit: 50 })
    expect((await allArrears(world)).map((r: any) => r.householdId)).toContain(HOUSEHOLD)
    world.clock.advance(3_600_000)
    await payAndConfirm(world, await unpaidIds(world))
    const after = await world.call('fees', STEWARD, { action: 'arrears', limit: 50 })
    expect(after.data.summary.households).toBe(before.data.summary.households - 1)
    expect((await allArrears(world)).map((r: any) => r.householdId)).not.toContain(HOUSEHOLD)
    const paid = await world.call('fees', STEWARD, { action: 'paidAfterReminder', days: 30 })
    expect(paid.data.items[0]).toMatchObject({ householdId: HOUSEHOLD, billCount: 3 })
    expect(paid.data.items[0].paidFen).toBeGreaterThan(0)
    expect(Date.parse(paid.data.items[0].paidAt)).toBeGreaterThan(Date.parse(paid.data.items[0].remindedAt))
    expect(await world.call('fees', STEWARD, { action: 'remind', requestId: rid('r'), householdIds: [HOUSEHOLD] })).toMatchObject({ data: { results: [expect.objectContaining({ status: 'nothing_owed' })] } })
  })
})
