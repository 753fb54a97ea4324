/**
 * 维修频次, 缴费习惯 and 社群活跃 as rule tags computed from facts the repairs, fees and groups areas report
 * (docs/profiles.md, "Rule tags"). Thresholds, by hand:
 *   报修较多  ≥ 3 repairs filed within 180 days
 *   按时缴费  ≥ 3 bills paid on or before their due date within 365 days, and none paid late in that window
 *   常需催缴  ≥ 2 bills paid after their due date within 365 days
 *   群内活跃  ≥ 3 group activities (a card opened inside the group, a paid order as a member) within 30 days
 */
import { createTestWorld, createSandboxWorld, type TestWorld } from '../../support/test-platform'
import { reportHouseholdFacts, type HouseholdFact } from '../../../cloudfunctions/core/profiles'
import { payAndConfirm, billDoc, unpaidIds, OWNER, HOUSEHOLD } from '../fees/fees-test-kit'
import { callerIn } from '../../support/typed-world'
import { repairsContract } from '../../../cloudfunctions/contracts/repairs.contract'

const NOW = '2026-12-03T02:00:00.000Z'
const DAY = 86_400_000
const daysAgo = (d: number) => new Date(Date.parse(NOW) - d * DAY)

function tagsOf(world: TestWorld, householdId: string): string[] {
  return world.platform.local.engine.store
    .scan('household_tags')
    .map((r) => r.doc as { householdId: string; tagId: string; source: string })
    .filter((t) => t.householdId === householdId && t.source === 'rule')
    .map((t) => t.tagId)
    .sort()
}

describe('rule tags from household facts, hand-computed', () => {
  let world: TestWorld
  beforeEach(async () => {
    world = await createTestWorld({ clockAt: NOW })
  })
  afterEach(() => world.close())

  const fact = (householdId: string, kind: HouseholdFact['kind'], d: number, n = 0): HouseholdFact => ({ householdId, communityId: 'c-1', kind, sourceId: `${kind}-${d}-${n}`, at: daysAgo(d) })

  it('报修较多 needs 3 repairs within 180 days, and lapses when the oldest leaves the window', async () => {
    await reportHouseholdFacts(world.platform, [fact('h1', 'repair_filed', 10), fact('h1', 'repair_filed', 100)])
    expect(tagsOf(world, 'h1')).toEqual([])
    await reportHouseholdFacts(world.platform, [fact('h1', 'repair_filed', 170)])
    expect(tagsOf(world, 'h1')).toEqual(['repair-frequent'])
    // 11 days later the repair of day −170 is 181 days old: 2 left in the window.
    world.clock.advance(11 * DAY)
    await reportHouseholdFacts(world.platform, [fact('h1', 'repair_closed', 0)])
    expect(tagsOf(world, 'h1')).toEqual([])
  })

  it('按时缴费 needs 3 on-time bills and no late one; 2 late bills make 常需催缴', async () => {
    await reportHouseholdFacts(world.platform, [fact('h2', 'bill_paid_on_time', 300), fact('h2', 'bill_paid_on_time', 200), fact('h2', 'bill_paid_on_time', 30)])
    expect(tagsOf(world, 'h2')).toEqual(['fee-on-time'])
    await reportHouseholdFacts(world.platform, [fact('h2', 'bill_paid_late', 20)])
    expect(tagsOf(world, 'h2')).toEqual([])
    await reportHouseholdFacts(world.platform, [fact('h2', 'bill_paid_late', 1)])
    expect(tagsOf(world, 'h2')).toEqual(['fee-late'])
    // A late bill older than a year no longer counts: 400 days later neither habit has 365-day evidence.
    world.clock.advance(400 * DAY)
    await reportHouseholdFacts(world.platform, [fact('h2', 'repair_filed', 0)])
    expect(tagsOf(world, 'h2')).toEqual([])
  })

  it('群内活跃 needs 3 group activities within 30 days; a join alone is not activity', async () => {
    await reportHouseholdFacts(world.platform, [fact('h3', 'group_joined', 40), fact('h3', 'group_activity', 40), fact('h3', 'group_activity', 29), fact('h3', 'group_activity', 5)])
    expect(tagsOf(world, 'h3')).toEqual([])
    await reportHouseholdFacts(world.platform, [fact('h3', 'group_activity', 0)])
    expect(tagsOf(world, 'h3')).toEqual(['group-active'])
  })

  it('facts are recorded once per source, and never become interest scores', async () => {
    const facts = [fact('h4', 'repair_filed', 1), fact('h4', 'bill_paid_late', 2), fact('h4', 'group_activity', 3)]
    expect(await reportHouseholdFacts(world.platform, facts)).toBe(3)
    expect(await reportHouseholdFacts(world.platform, facts)).toBe(0)
    const rows = world.platform.local.engine.store.scan('household_interactions').filter((r) => (r.doc as { householdId: string }).householdId === 'h4')
    expect(rows.map((r) => (r.doc as { category: string }).category).sort()).toEqual(['社群活跃', '维修频次', '缴费习惯'])
    expect(world.platform.local.engine.store.scan('household_interest').filter((r) => (r.doc as { householdId: string }).householdId === 'h4')).toEqual([])
  })
})

describe('the areas report their facts', () => {
  it('a fee bill paid after its due date is a late-payment fact; one paid in time is on time (Asia/Shanghai days)', async () => {
    // The demo world's clock is 2026-11-22 10:00 in Shanghai; the owner's bills include past-due ones.
    const world = await createSandboxWorld()
    try {
      const ids = await unpaidIds(world as never)
      await payAndConfirm(world as never, ids)
      const facts = world.platform.local.engine.store.scan('household_interactions').map((r) => r.doc as { kind: string; sourceId: string; householdId: string })
      const expected = await Promise.all(
        ids.map(async (id) => {
          const bill = await billDoc(world as never, id)
          // Paid at the clock's Shanghai date, 2026-11-22.
          return { kind: '2026-11-22' <= bill.dueDate ? 'bill_paid_on_time' : 'bill_paid_late', sourceId: id, householdId: HOUSEHOLD }
        }),
      )
      expect(facts.filter((f) => f.kind.startsWith('bill_')).map(({ kind, sourceId, householdId }) => ({ kind, sourceId, householdId })).sort((a, b) => a.sourceId.localeCompare(b.sourceId))).toEqual(
        expected.sort((a, b) => a.sourceId.localeCompare(b.sourceId)),
      )
      expect(expected.some((f) => f.kind === 'bill_paid_late')).toBe(true)
    } finally {
      world.close()
    }
  })

  it('a repair ticket for a household is a repair fact; a public-area ticket is not', async () => {
    const world = await createSandboxWorld()
    try {
      const owner = callerIn(world, OWNER)
      const ticket = await owner.call(repairsContract, 'create', { place: { kind: 'household', householdId: HOUSEHOLD }, category: 'plumbing', description: '厨房水管漏水' })
      await owner.call(repairsContract, 'create', { place: { kind: 'public', communityId: 'c-sunshine', area: '东门道闸' }, category: 'public_facility', description: '道闸抬杆不动' })
      const facts = world.platform.local.engine.store.scan('household_interactions').map((r) => r.doc as { kind: string; sourceId: string; householdId: string })
      expect(facts.filter((f) => f.kind === 'repair_filed')).toEqual([expect.objectContaining({ sourceId: ticket.ticketId, householdId: HOUSEHOLD })])
    } finally {
      world.close()
    }
  })
})
