import { createTestWorld, rid, type TestWorld } from '../../support/test-platform'
import { must } from '../../../cloudfunctions/core/kernel/db-result'
import type { LocalFileStorage } from '../../../cloudfunctions/platform/local/file-storage/local-file-storage'
import type { FnReply } from '../../../cloudfunctions/contracts/envelope'
/** The reply's data, or the test fails with the reply's code. */
const data = (r: FnReply<any>) => {
  if (!r.ok) throw new Error(`${r.code} ${r.message}`)
  return r.data
}


/**
 * A hand-made community small enough to compute every figure by hand (clock 2026-11-22 10:00 Shanghai):
 * grid A = 1栋 (h1, h2), steward 甲; grid B = 2栋 (h3), steward 乙.
 */
const C = 'c-t'
const T = (iso: string) => new Date(iso)

async function seed(world: TestWorld) {
  const db = world.platform.db
  const add = async (coll: string, docs: Record<string, unknown>[]) => {
    for (const d of docs) must(await db.collection(coll).add(d))
  }
  await add('communities', [{ _id: C, name: '测试小区' }])
  await add('buildings', [
    { _id: 'b-1', communityId: C, name: '1栋' },
    { _id: 'b-2', communityId: C, name: '2栋' },
  ])
  await add('staff', [
    { _id: 's-a', openid: 'st-a', communityId: C, role: 'steward', name: '甲', status: 'active' },
    { _id: 's-b', openid: 'st-b', communityId: C, role: 'steward', name: '乙', status: 'active' },
    { _id: 's-o', openid: 'op-1', communityId: C, role: 'ops', name: '运营', status: 'active' },
  ])
  await add('grids', [
    { _id: 'g-a', communityId: C, stewardOpenid: 'st-a', buildingIds: ['b-1'], updatedAt: T('2026-01-01T00:00:00Z') },
    { _id: 'g-b', communityId: C, stewardOpenid: 'st-b', buildingIds: ['b-2'], updatedAt: T('2026-01-01T00:00:00Z') },
  ])
  await add('households', [
    { _id: 'h1', communityId: C, buildingId: 'b-1', building: '1栋', unit: '1单元', room: '101', ownerName: '王一', ownerPhoneLast4: '0001' },
    { _id: 'h2', communityId: C, buildingId: 'b-1', building: '1栋', unit: '1单元', room: '102', ownerName: '王二', ownerPhoneLast4: '0002' },
    { _id: 'h3', communityId: C, buildingId: 'b-2', building: '2栋', unit: '1单元', room: '101', ownerName: '王三', ownerPhoneLast4: '0003' },
  ])
  const bill = (id: string, h: string, b: string, period: string, principalFen: number, paid: { at: string; fen: number } | null) => ({
    _id: id, communityId: C, householdId: h, buildingId: b, itemName: '物业费', period, dueDate: `${period}-15`, principalFen,
    lateFee: { dailyRateBp: 5, capBp: 10000 }, status: paid ? 'paid' : 'unpaid', paidAt: paid ? T(paid.at) : null,
    paidFen: paid?.fen ?? 0, paidLateFeeFen: paid ? paid.fen - principalFen : 0, remindableAt: T('2026-01-01T00:00:00Z'),
  })
  await add('fee_bills', [
    bill('f1', 'h1', 'b-1', '2026-11', 10000, { at: '2026-11-10T02:00:00Z', fen: 10000 }),
    bill('f2', 'h2', 'b-1', '2026-11', 20000, null),
    bill('f3', 'h3', 'b-2', '2026-11', 30000, { at: '2026-11-05T02:00:00Z', fen: 30000 }),
    // September's bill paid in November with ¥0.30 late fee: November 实收, not November 应收.
    bill('f4', 'h2', 'b-1', '2026-09', 5970, { at: '2026-11-20T02:00:00Z', fen: 6000 }),
    bill('f5', 'h3', 'b-2', '2026-10', 5000, null),
    // Paid in October: neither November figure.
    bill('f6', 'h1', 'b-1', '2026-10', 10000, { at: '2026-10-31T15:59:00Z', fen: 10000 }),
  ])
  const rating = (arrival: number, attitude: number, process: number, etiquette: number) => ({ arrival, attitude, process, etiquette, comment: '', at: T('2026-11-15T00:00:00Z') })
  const ticket = (id: string, gridId: string, createdAt: string, status: string, extra: Record<string, unknown> = {}) => ({
    _id: id, communityId: C, gridId, buildingId: gridId === 'g-a' ? 'b-1' : 'b-2', createdAt: T(createdAt), status, breaches: {}, rating: null, reopenCount: 0, overdue: false, ...extra,
  })
  await add('repair_tickets', [
    ticket('t1', 'g-a', '2026-11-02T01:00:00Z', 'rated', { rating: rating(5, 5, 4, 5) }),
    ticket('t2', 'g-a', '2026-11-03T01:00:00Z', 'completed', { breaches: { respond: T('2026-11-03T01:31:00Z') } }),
    ticket('t3', 'g-b', '2026-11-04T01:00:00Z', 'cancelled'),
    ticket('t4', 'g-b', '2026-11-05T01:00:00Z', 'rated', { rating: rating(4, 2, 4, 5) }),
    ticket('t5', 'g-a', '2026-11-06T01:00:00Z', 'in_progress', { reopenCount: 1 }),
    // 2026-10-31 23:30 in Shanghai: an October ticket.
    ticket('t6', 'g-a', '2026-10-31T15:30:00Z', 'completed', { breaches: { arrive: T('2026-11-01T00:00:00Z') } }),
  ])
  await add('satisfaction_rollups', [
    { _id: 'sat-c-c-t-2026-11', scope: 'community', communityId: C, stewardOpenid: null, period: '2026-11', count: 2, sums: { arrival: 9, attitude: 7, process: 8, etiquette: 10 } },
    { _id: 'sat-s-st-a-2026-11', scope: 'steward', communityId: C, stewardOpenid: 'st-a', period: '2026-11', count: 1, sums: { arrival: 5, attitude: 5, process: 4, etiquette: 5 } },
  ])
  const rollup = (id: string, scope: string, key: string, orders: number, gmvFen: number) => ({ _id: id, scope, key, communityId: C, month: '2026-11', orders, gmvFen, buyers: 0, repurchasers: 0, refundFen: 0, convertedResidents: 0, commissionAccruedFen: 0, commissionReversedFen: 0 })
  await add('metric_rollups', [rollup('c-2026-11-c-t', 'community', C, 5, 25000), rollup('s-2026-11-c-t~st-a', 'steward', `${C}~st-a`, 4, 20000)])
}

describe('ops dashboard: every area per community, grid and steward', () => {
  let world: TestWorld
  beforeAll(async () => {
    world = await createTestWorld({ clockAt: '2026-11-22T02:00:00.000Z' })
    await seed(world)
  })
  afterAll(() => world.close())

  it('adds fees (收缴率, 实收 including an old bill paid this month, arrears) and repairs (volume, on-time, complaints, 4 dimensions) to the sales figures', async () => {
    const res = await world.call('ops', 'op-1', { action: 'opsDashboard', communityId: C, month: '2026-11' })
    expect(res.ok).toBe(true)
    const rows = data(res).rows as any[]
    const community = rows.find((r) => r.scope === 'community')
    // 应收 100+200+300 = ¥600, 已收 100+300 = ¥400 → 66.7%; 实收 100+300+60 = ¥460 (3 bills); arrears 200+50.
    expect(community).toMatchObject({ label: '测试小区', feeBilledFen: 60000, feeCollectedFen: 40000, feeRatePct: 66.7, feePaidFen: 46000, feePayments: 3, arrearsFen: 25000 })
    // 5 November tickets, 1 cancelled; t2 breached → 3 of 4 on time; complaints t4 (attitude 2) and t5 (reopened).
    expect(community).toMatchObject({ repairsFiled: 5, repairsCompleted: 3, repairsOnTime: 3, onTimeRate: 0.75, complaints: 2 })
    expect(community).toMatchObject({ satArrival: 4.5, satAttitude: 3.5, satProcess: 4, satEtiquette: 5, satisfaction: 4.25 })
    expect(community).toMatchObject({ orders: 5, gmvFen: 25000, avgOrderFen: 5000, households: 3 })

    const gridA = rows.find((r) => r.scope === 'grid' && r.key === 'g-a')
    expect(gridA).toMatchObject({ label: '甲的网格', feeBilledFen: 30000, feeCollectedFen: 10000, feeRatePct: 33.3, feePaidFen: 16000, feePayments: 2, arrearsFen: 20000 })
    expect(gridA).toMatchObject({ repairsFiled: 3, repairsCompleted: 2, repairsOnTime: 2, onTimeRate: 0.6667, complaints: 1, satArrival: 5, satProcess: 4 })
    const gridB = rows.find((r) => r.scope === 'grid' && r.key === 'g-b')
    expect(gridB).toMatchObject({ feeBilledFen: 30000, feeCollectedFen: 30000, feeRatePct: 100, feePaidFen: 30000, arrearsFen: 5000, repairsFiled: 2, repairsOnTime: 1, onTimeRate: 1, complaints: 1, satArrival: null })

    // A steward's row: sales credited to them beside their grid's fees and repairs.
    const stewardA = rows.find((r) => r.scope === 'steward' && r.key === 'st-a')
    expect(stewardA).toMatchObject({ label: '甲', orders: 4, gmvFen: 20000, avgOrderFen: 5000, feeRatePct: 33.3, feePaidFen: 16000, repairsFiled: 3, satAttitude: 5 })
    const stewardB = rows.find((r) => r.scope === 'steward' && r.key === 'st-b')
    expect(stewardB).toMatchObject({ orders: 0, avgOrderFen: 0, feeRatePct: 100, repairsFiled: 2 })
  })

  it('reads October as its own month (a 23:30 Shanghai ticket and a 23:59 payment on 10-31 belong there)', async () => {
    const res = await world.call('ops', 'op-1', { action: 'opsDashboard', communityId: C, month: '2026-10' })
    const community = data(res).rows.find((r: any) => r.scope === 'community')
    expect(community).toMatchObject({ repairsFiled: 1, repairsOnTime: 0, onTimeRate: 0, feePaidFen: 10000, feePayments: 1, feeBilledFen: 15000, orders: 0, satArrival: null })
  })

  it('exports the month as CSV into storage and answers a working download link', async () => {
    const res = await world.call('ops', 'op-1', { action: 'opsExport', requestId: rid('exp'), communityId: C, month: '2026-11' })
    expect(res.ok).toBe(true)
    expect(data(res).fileId).toMatch(/^cloud:\/\/.+\/exports\/ops\/c-t\/2026-11-/)
    expect(data(res).fileName).toMatch(/^运营看板-测试小区-2026-11-/)
    expect(data(res).rows).toBe(5)
    const url = new URL(data(res).url, 'http://local')
    const storage = world.platform.ports.storage as LocalFileStorage
    const file = storage.readSigned(decodeURIComponent(url.pathname.replace(/^\/storage\//, '')), Number(url.searchParams.get('expires')), url.searchParams.get('sign')!)
    if (typeof file === 'string') throw new Error(`download refused: ${file}`)
    const lines = file.content.toString('utf8').replace(/^\uFEFF/, '').trim().split('\r\n')
    expect(lines[0].split(',').slice(0, 9)).toEqual(['范围', '名称', '月份', '应收(元)', '已收(元)', '收缴率', '本月实收(元)', '实收笔数', '欠费(元)'])
    expect(lines[1].split(',').slice(0, 13)).toEqual(['小区', '测试小区', '2026-11', '600.00', '400.00', '66.7%', '460.00', '3', '250.00', '5', '3', '75.00%', '2'])
    expect(lines).toHaveLength(6)
  })

  it('is for ops of the community only', async () => {
    expect(await world.call('ops', 'st-a', { action: 'opsDashboard', communityId: C })).toMatchObject({ code: 'AUTH.FORBIDDEN' })
    expect(await world.call('ops', 'st-a', { action: 'opsExport', requestId: rid('exp'), communityId: C })).toMatchObject({ code: 'AUTH.FORBIDDEN' })
    expect(await world.call('ops', 'op-1', { action: 'opsDashboard', communityId: C, month: '2026-13' })).toMatchObject({ code: 'VALIDATION.FAILED' })
  })
})
