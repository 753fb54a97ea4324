import { must } from '../../../cloudfunctions/core/kernel/db-result'
import { COLLECTIONS } from '../../../cloudfunctions/core/households/registry-collections'
import { A, B, COMMUNITY, HOUSEHOLDS_IN_COMMUNITY, HOUSEHOLDS_PER_GRID, SERVICE, bind, buy, hh, openAttributionWorld, report, rowOf, touch, type AttributionWorld } from './attribution-test-kit'

const OWNER_HOME = 'h-1-1-101' // demo-owner and demo-family, bound when the demo was seeded (2026-11-01 10:00 Shanghai)

/**
 * A hand-built month in the demo community (grid A = 1–3栋, grid B = 4–6栋, 180 households each).
 * Bindings (Shanghai time): m1 1-1-501 (A) Nov 2, m2 2-1-501 (A) Nov 20, m3 4-1-501 (B) Nov 3,
 * m4 5-1-501 (B) Oct 15, m5 3-2-502 (A) Nov 30 16:30Z = Dec 1 00:30, m6 6-1-101 (B) Nov 5, removed Nov 25.
 * Orders: m1 cleaning 8800 Nov 10 + pipe 6000 Nov 12 (home A); m3 AC 12000 Nov 15 after A's card (last touch A);
 * m4 cleaning 8800 Nov 20 (home B); owner pipe 6000 at 2026-11-30T16:30Z = Dec 1 00:30 → a DECEMBER order;
 * m1 cleaning 8800 Dec 5 (home A); m4 AC 12000 Dec 6 after A's card (last touch A); m2 cleaning 8800 Dec 25.
 */
describe('business metrics per steward, grid, community and month (Asia/Shanghai)', () => {
  let w: AttributionWorld
  const at = (iso: string) => w.clock.set(iso)
  beforeAll(async () => {
    w = await openAttributionWorld('2026-11-01T02:00:00.000Z')
    await bind(w, 'm1', hh(1, 1, 5, 1), new Date('2026-11-02T02:00:00.000Z'))
    await bind(w, 'm2', hh(2, 1, 5, 1), new Date('2026-11-20T02:00:00.000Z'))
    await bind(w, 'm3', hh(4, 1, 5, 1), new Date('2026-11-03T02:00:00.000Z'))
    await bind(w, 'm4', hh(5, 1, 5, 1), new Date('2026-10-15T02:00:00.000Z'))
    await bind(w, 'm5', hh(3, 2, 5, 2), new Date('2026-11-30T16:30:00.000Z'))
    await bind(w, 'm6', hh(6, 1, 1, 1), new Date('2026-11-05T02:00:00.000Z'))
    must(await w.platform.db.collection(COLLECTIONS.residents).where({ openid: 'm6' }).update({ status: 'removed', removedAt: new Date('2026-11-25T02:00:00.000Z') }))

    at('2026-11-10T02:00:00.000Z')
    await buy(w, 'm1', hh(1, 1, 5, 1), SERVICE.cleaning)
    at('2026-11-12T02:00:00.000Z')
    await buy(w, 'm1', hh(1, 1, 5, 1), SERVICE.pipe)
    at('2026-11-14T02:00:00.000Z')
    await touch(w, 'm3', A.id)
    at('2026-11-15T02:00:00.000Z')
    await buy(w, 'm3', hh(4, 1, 5, 1), SERVICE.ac)
    at('2026-11-20T02:00:00.000Z')
    await buy(w, 'm4', hh(5, 1, 5, 1), SERVICE.cleaning)
    at('2026-11-30T16:30:00.000Z')
    await buy(w, 'demo-owner', OWNER_HOME, SERVICE.pipe)
  })
  afterAll(() => w.close())

  async function addDecember() {
    at('2026-12-05T02:00:00.000Z')
    await buy(w, 'm1', hh(1, 1, 5, 1), SERVICE.cleaning)
    at('2026-12-06T02:00:00.000Z')
    await touch(w, 'm4', A.id)
    await buy(w, 'm4', hh(5, 1, 5, 1), SERVICE.ac)
    at('2026-12-25T02:00:00.000Z')
    await buy(w, 'm2', hh(2, 1, 5, 1), SERVICE.cleaning)
  }

  it('the steward dashboard reads a constant number of documents, whatever the orders of the month', async () => {
    const engine = w.platform.local.engine
    at('2026-12-01T04:00:00.000Z')
    engine.resetCallCount()
    const before = await w.call('attribution', A.openid, { action: 'dashboard', month: '2026-12' })
    const opsBefore = engine.callCount
    expect(before).toMatchObject({ ok: true, data: { figures: { orders: 1 } } }) // the owner's Dec 1 00:30 order
    await addDecember()
    engine.resetCallCount()
    const after = await w.call('attribution', A.openid, { action: 'dashboard', month: '2026-12' })
    expect(after).toMatchObject({ ok: true, data: { figures: { orders: 4 } } })
    expect(engine.callCount).toBe(opsBefore)
  })

  it('November, row by row, as computed by hand (the December-1st 00:30 order is not in it)', async () => {
    const rows = await report(w, '2026-11')
    const gridA = { households: HOUSEHOLDS_PER_GRID, boundHouseholds: 3, penetration: 0.0167, newBoundResidents: 4, convertedResidents: 2, firstOrderConversion: 0.5 }
    const gridB = { households: HOUSEHOLDS_PER_GRID, boundHouseholds: 2, penetration: 0.0111, newBoundResidents: 2, convertedResidents: 1, firstOrderConversion: 0.5 }
    // Steward A: m1's two orders (home) + m3's AC (A's card) = 3 orders, 26800; buyers 1-1-501 and 4-1-501;
    // 1-1-501 bought from A again in December → 1 of 2 repurchased. Funnel: A's grid.
    expect(rowOf(rows, 'steward', A.openid)).toMatchObject({
      label: A.name,
      ...gridA,
      orders: 3,
      gmvFen: 26800,
      avgOrderFen: 8933,
      buyers: 2,
      repurchasers: 1,
      repurchaseRate: 0.5,
      satisfaction: null,
      commissionNetFen: 0,
    })
    // Steward B: m4's cleaning only; in December m4 bought through A, so no repurchase for B.
    expect(rowOf(rows, 'steward', B.openid)).toMatchObject({ ...gridB, orders: 1, gmvFen: 8800, avgOrderFen: 8800, buyers: 1, repurchasers: 0, repurchaseRate: 0 })
    // Grid A's households: m1's two orders; 1-1-501 bought again in December.
    expect(rowOf(rows, 'grid', A.grid)).toMatchObject({ ...gridA, orders: 2, gmvFen: 14800, avgOrderFen: 7400, buyers: 1, repurchasers: 1, repurchaseRate: 1 })
    // Grid B's households: m3's AC (credited to A) and m4's cleaning; 5-1-501 bought again in December.
    expect(rowOf(rows, 'grid', B.grid)).toMatchObject({ ...gridB, orders: 2, gmvFen: 20800, avgOrderFen: 10400, buyers: 2, repurchasers: 1, repurchaseRate: 0.5 })
    // Community: 4 orders, 35600; 3 buying households, 2 bought again; 5 of 360 bound; 3 of 6 new residents converted.
    expect(rowOf(rows, 'community', COMMUNITY)).toMatchObject({
      label: '阳光花园',
      households: HOUSEHOLDS_IN_COMMUNITY,
      boundHouseholds: 5,
      penetration: 0.0139,
      newBoundResidents: 6,
      convertedResidents: 3,
      firstOrderConversion: 0.5,
      orders: 4,
      gmvFen: 35600,
      avgOrderFen: 8900,
      buyers: 3,
      repurchasers: 2,
      repurchaseRate: 0.6667,
    })
  })

  it('December: the order at 00:30 on the 1st (Shanghai) and the binding at that minute count here', async () => {
    const rows = await report(w, '2026-12')
    // owner 6000 + m1 8800 + m4 12000 (A's card) + m2 8800, all credited to A.
    expect(rowOf(rows, 'steward', A.openid)).toMatchObject({ orders: 4, gmvFen: 35600, newBoundResidents: 1, boundHouseholds: 4 })
    expect(rowOf(rows, 'community', COMMUNITY)).toMatchObject({ orders: 4, gmvFen: 35600, newBoundResidents: 1 })
  })

  it('the steward dashboard shows exactly the ops report rows, plus the six-month series for the chart', async () => {
    const rows = await report(w, '2026-11')
    const dash = await w.call('attribution', A.openid, { action: 'dashboard', month: '2026-11' })
    if (!dash.ok) throw new Error(dash.code)
    expect(dash.data.figures).toEqual(rowOf(rows, 'steward', A.openid))
    expect(dash.data.grid).toEqual(rowOf(rows, 'grid', A.grid))
    expect(dash.data.ruleMix).toEqual({ last_touch: 1, home_steward: 2, self_purchase: 0 })
    const december = await w.call('attribution', A.openid, { action: 'dashboard', month: '2026-12' })
    if (!december.ok) throw new Error(december.code)
    expect(december.data.series).toEqual([
      { month: '2026-07', orders: 0, gmvFen: 0, commissionNetFen: 0 },
      { month: '2026-08', orders: 0, gmvFen: 0, commissionNetFen: 0 },
      { month: '2026-09', orders: 0, gmvFen: 0, commissionNetFen: 0 },
      { month: '2026-10', orders: 0, gmvFen: 0, commissionNetFen: 0 },
      { month: '2026-11', orders: 3, gmvFen: 26800, commissionNetFen: 0 },
      { month: '2026-12', orders: 4, gmvFen: 35600, commissionNetFen: 0 },
    ])
    // Residents and other stewards' data stay private; the CSV carries the same rows.
    expect(await w.call('attribution', 'm1', { action: 'dashboard' })).toMatchObject({ ok: false, code: 'ATTRIBUTION.NOT_A_STEWARD' })
    expect(await w.call('ops', A.openid, { action: 'attributionReport', communityId: COMMUNITY })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    const csv = (await w.console('ops', { action: 'attributionReport', communityId: COMMUNITY, month: '2026-11' })) as { ok: true; data: { csv: string } }
    const lines = csv.data.csv.trim().split('\n')
    expect(lines).toHaveLength(1 + rows.length)
    expect(lines[0].split(',').slice(0, 4)).toEqual(['范围', '名称', '月份', '户数'])
    expect(lines.find((l) => l.startsWith('管家,张敏,'))).toBe('管家,张敏,2026-11,180,3,1.67%,4,2,50.00%,3,268.00,0.00,89.33,2,1,50.00%,,0,0.00,0.00,0.00')
  })
})
