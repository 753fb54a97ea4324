import { rid } from '../../support/test-platform'
import { must } from '../../../cloudfunctions/core/kernel/db-result'
import { COLLECTIONS } from '../../../cloudfunctions/core/households/registry-collections'
import type { HouseholdDoc } from '../../../cloudfunctions/core/households/household.model'
import { billsWhere, COMMUNITY, openFeesWorld, type FeesWorld } from './fees-test-kit'

const PERIOD = '2026-12'
/** 1栋 gets water readings for December; the other buildings have none yet. */
const READINGS_CSV = (households: HouseholdDoc[]) =>
  ['楼栋,单元,房号,上期读数,本期读数', ...households.filter((h) => h.buildingId === 'b-1').map((h, i) => `${h.building},${h.unit},${h.room},${200 + i},${209 + i}`)].join('\n')

async function households(world: FeesWorld): Promise<HouseholdDoc[]> {
  return must(await world.platform.db.collection(COLLECTIONS.households).where({ communityId: COMMUNITY }).limit(1000).get()).data as HouseholdDoc[]
}

/** What the business rules say December should hold, as (household, item) pairs — derived from the item definitions, not from the run. */
async function expectedPairs(world: FeesWorld): Promise<string[]> {
  const items = await world.console('ops', { action: 'listFeeItems', communityId: COMMUNITY })
  const hs = await households(world)
  const pairs: string[] = []
  for (const item of items.data.items) {
    for (const h of hs) {
      const inScope = !item.scope.householdIds || item.scope.householdIds.includes(h._id)
      const hasReading = item.kind !== 'metered' || h.buildingId === 'b-1'
      if (inScope && hasReading) pairs.push(`${h._id}|${item.itemId}`)
    }
  }
  return pairs.sort()
}

async function decemberPairs(world: FeesWorld): Promise<string[]> {
  return (await billsWhere(world, { communityId: COMMUNITY, period: PERIOD })).map((b) => `${b.householdId}|${b.itemId}`).sort()
}

async function runToEnd(world: FeesWorld, restart = false) {
  let res = await world.console('ops', { action: 'runBills', communityId: COMMUNITY, period: PERIOD, restart })
  for (let i = 0; res.ok && res.data.run.status !== 'done' && i < 20; i++) res = await world.console('ops', { action: 'runBills', communityId: COMMUNITY, period: PERIOD })
  expect(res.ok).toBe(true)
  return res.data.run
}

async function importDecemberReadings(world: FeesWorld) {
  const res = await world.console('ops', { action: 'importMeterReadings', requestId: rid('mr'), communityId: COMMUNITY, code: 'water', period: PERIOD, csv: READINGS_CSV(await households(world)) })
  expect(res.ok).toBe(true)
  expect(res.data.rejected).toEqual([])
}

describe('bill runs', () => {
  let world: FeesWorld
  beforeAll(async () => {
    world = await openFeesWorld()
    await importDecemberReadings(world)
  })
  afterAll(() => world.close())

  it('creates exactly the expected bills for the seeded community, one per household × item', async () => {
    const expected = await expectedPairs(world)
    const run = await runToEnd(world)
    const actual = await decemberPairs(world)
    expect(actual).toEqual(expected)
    expect(new Set(actual).size).toBe(actual.length)
    expect(run).toMatchObject({ status: 'done', total: 360, done: 360, billsCreated: expected.length, billsExisting: 0 })
    // 300 households outside 1栋 have no December water reading: reported, not billed.
    expect(run.failed).toBe(300)
    expect(run.failures.length).toBe(100)
    expect(run.failures[0].reason).toContain('缺少水费本期抄表读数')
    const progress = await world.console('ops', { action: 'billRunProgress', communityId: COMMUNITY, period: PERIOD })
    expect(progress.data.run).toMatchObject({ status: 'done', done: 360, total: 360, failed: 300 })
  })

  it('bills carry the period’s due date and the principal from the item definition', async () => {
    const bills = await billsWhere(world, { communityId: COMMUNITY, period: PERIOD, householdId: 'h-1-1-101' })
    const byName = Object.fromEntries(bills.map((b) => [b.itemName, b]))
    expect(byName['物业费']).toMatchObject({ principalFen: 89 * 250, dueDate: '2026-12-15', status: 'unpaid' })
    expect(byName['停车费']).toMatchObject({ principalFen: 15_000 })
    expect(byName['水费']).toMatchObject({ principalFen: 9 * 520, dueDate: '2026-12-20' })
  })

  it('a second run creates none, whether it re-scans or not', async () => {
    const before = await decemberPairs(world)
    const again = await runToEnd(world)
    expect(again.billsCreated).toBe(before.length)
    const rescan = await runToEnd(world, true)
    expect(rescan).toMatchObject({ status: 'done', done: 360, billsCreated: 0, billsExisting: before.length })
    expect(await decemberPairs(world)).toEqual(before)
  })

  it('two runs started at once still make one bill per pair', async () => {
    const before = await decemberPairs(world)
    const [a, b] = await Promise.all([
      world.console('ops', { action: 'runBills', communityId: COMMUNITY, period: PERIOD, restart: true }),
      world.console('ops', { action: 'runBills', communityId: COMMUNITY, period: PERIOD, restart: true }),
    ])
    expect(a.ok && b.ok).toBe(true)
    expect([a.data.run.busy, b.data.run.busy]).toContain(true)
    expect(await decemberPairs(world)).toEqual(before)
  })
})

describe('a bill run killed halfway', () => {
  it('resumes and ends with the same set as an uninterrupted run', async () => {
    const world = await openFeesWorld()
    try {
      await importDecemberReadings(world)
      const expected = await expectedPairs(world)
      const engine = world.platform.local.engine
      let inserts = 0
      // The function dies during its third chunk, right after writing the bills and before saving progress:
      // from then on every database call fails, as if the container was gone.
      engine.faultHook = (action, params) => {
        if (inserts >= 3) throw new Error('container killed')
        if (action === 'database.insertDocument' && (params as { collectionName?: string }).collectionName === 'fee_bills') inserts++
      }
      const killed = await world.console('ops', { action: 'runBills', communityId: COMMUNITY, period: PERIOD })
      expect(killed.ok).toBe(false)
      engine.faultHook = undefined
      const half = await decemberPairs(world)
      expect(half.length).toBeGreaterThan(0)
      expect(half.length).toBeLessThan(expected.length)

      // While the dead invocation's lease lasts, nobody else advances the run.
      const early = await world.console('ops', { action: 'runBills', communityId: COMMUNITY, period: PERIOD })
      expect(early.data.run.busy).toBe(true)
      world.clock.advance(2 * 60_000)
      const run = await runToEnd(world)
      expect(await decemberPairs(world)).toEqual(expected)
      expect(run).toMatchObject({ status: 'done', done: 360, total: 360 })
      // The chunk that died after its insert is found in place on resume, not duplicated.
      expect(run.billsCreated + run.billsExisting).toBe(expected.length)
      expect(run.billsExisting).toBeGreaterThan(0)
    } finally {
      world.close()
    }
  })
})

describe('the bill-run timer', () => {
  it('bills the Asia/Shanghai month: a trigger at 2026-12-31T16:30Z makes January 2027 bills', async () => {
    const world = await openFeesWorld()
    try {
      // 00:30 on 1 January in Shanghai, still 31 December in UTC (where CloudBase runs).
      world.clock.set('2026-12-31T16:30:00.000Z')
      const res = await world.timer('fees', 'billRun')
      expect(res.ok).toBe(true)
      expect(res.data.period).toBe('2027-01')
      expect(res.data.communities).toEqual([expect.objectContaining({ communityId: COMMUNITY, status: 'done', done: 360 })])
      const january = await billsWhere(world, { communityId: COMMUNITY, period: '2027-01' })
      expect(january.filter((b) => b.itemName === '物业费')).toHaveLength(360)
      expect(january.every((b) => b.dueDate.startsWith('2027-01-'))).toBe(true)
      expect(await billsWhere(world, { communityId: COMMUNITY, period: '2026-12' })).toHaveLength(0)
      // The next trigger finds the month done and changes nothing.
      const count = january.length
      await world.timer('fees', 'billRun')
      expect(await billsWhere(world, { communityId: COMMUNITY, period: '2027-01' })).toHaveLength(count)
    } finally {
      world.close()
    }
  })
})
