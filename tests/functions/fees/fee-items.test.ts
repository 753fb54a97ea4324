import { dumpDatabase, rid } from '../../support/test-platform'
import { billsWhere, COMMUNITY, openFeesWorld, OPS, OWNER, type FeesWorld } from './fees-test-kit'

const valid = { communityId: COMMUNITY, code: 'garbage', name: '垃圾清运费', kind: 'fixed', amountFen: 1_000 }

describe('fee items and meter readings (ops events)', () => {
  let world: FeesWorld
  beforeAll(async () => {
    world = await openFeesWorld()
  })
  afterAll(() => world.close())

  it.each([
    ['a negative price', { ...valid, kind: 'per_area', amountFen: undefined, unitPriceFen: -250 }, 'unitPriceFen'],
    ['a zero amount', { ...valid, amountFen: 0 }, 'amountFen'],
    ['a fractional fen', { ...valid, amountFen: 10.5 }, 'amountFen'],
    ['an unknown type', { ...valid, kind: 'per_person' }, 'kind'],
    ['a metered item without unit', { ...valid, kind: 'metered', amountFen: undefined, unitPriceFen: 500 }, 'unit'],
    ['a one-off without period', { ...valid, kind: 'one_off' }, 'period'],
    ['a due day past the 28th', { ...valid, dueDay: 31 }, 'dueDay'],
    ['a late-fee cap above 100%', { ...valid, lateFee: { dailyRateBp: 5, capBp: 20_000 } }, 'lateFee.capBp'],
  ])('refuses %s with nothing written', async (_name, input, path) => {
    const before = dumpDatabase(world.platform)
    const res = await world.console('ops', { action: 'upsertFeeItem', ...input })
    expect(res).toMatchObject({ ok: false, code: 'VALIDATION.FAILED' })
    expect(res.issues.map((i: any) => i.path)).toContain(path)
    expect(dumpDatabase(world.platform)).toEqual(before)
  })

  it('refuses a scope naming buildings of another community, with nothing written', async () => {
    const before = dumpDatabase(world.platform)
    const res = await world.console('ops', { action: 'upsertFeeItem', ...valid, scope: { buildingIds: ['b-1', 'b-elsewhere'] } })
    expect(res).toMatchObject({ ok: false, code: 'FEE.BAD_ITEM' })
    expect(dumpDatabase(world.platform)).toEqual(before)
  })

  it('creates and updates an item by its code; residents may not', async () => {
    const created = await world.console('ops', { action: 'upsertFeeItem', ...valid, scope: { buildingIds: ['b-1'] } })
    expect(created.data).toMatchObject({ created: true, item: { code: 'garbage', kind: 'fixed', amountFen: 1_000, dueDay: 15, lateFee: { dailyRateBp: 5, capBp: 10_000 }, status: 'active' } })
    const updated = await world.call('ops', OPS, { action: 'upsertFeeItem', requestId: rid('item'), ...valid, amountFen: 1_200 })
    expect(updated.data).toMatchObject({ created: false, item: { itemId: created.data.item.itemId, amountFen: 1_200, scope: { buildingIds: null } } })
    expect(await world.call('ops', OWNER, { action: 'upsertFeeItem', requestId: rid('item'), ...valid })).toMatchObject({ code: 'AUTH.FORBIDDEN' })
    const archived = await world.console('ops', { action: 'archiveFeeItem', communityId: COMMUNITY, code: 'garbage' })
    expect(archived.data.item.status).toBe('archived')
    const list = await world.console('ops', { action: 'listFeeItems', communityId: COMMUNITY })
    expect(list.data.items.map((i: any) => i.code)).toEqual(['property', 'parking', 'water'])
  })

  it('imports meter readings from CSV: bad rows come back with their line, good rows are billed by the next run', async () => {
    const csv = [
      '楼栋,单元,房号,上期读数,本期读数',
      '1栋,1单元,101,300,312.5',
      '1号楼,1,102室,300,290',
      '9栋,1单元,101,1,2',
      '1栋,1单元,201,abc,5',
      '1栋,1单元,101,300,313',
      '1栋,1单元,202',
    ].join('\n')
    const dry = await world.console('ops', { action: 'importMeterReadings', communityId: COMMUNITY, code: 'water', period: '2026-12', csv, dryRun: true })
    expect(dry.data).toMatchObject({ rows: 6, imported: 1, dryRun: true })
    const res = await world.console('ops', { action: 'importMeterReadings', communityId: COMMUNITY, code: 'water', period: '2026-12', csv })
    expect(res.data.imported).toBe(1)
    expect(res.data.rejected).toEqual([
      { line: 3, reason: '本期读数小于上期读数' },
      { line: 4, reason: '找不到房屋 9栋1单元101' },
      { line: 5, reason: '读数须为非负数，最多两位小数' },
      { line: 6, reason: '同一房屋重复出现' },
      { line: 7, reason: '列数不足：楼栋,单元,房号,上期读数,本期读数' },
    ])
    const again = await world.console('ops', { action: 'importMeterReadings', communityId: COMMUNITY, code: 'water', period: '2026-12', csv: '1栋,1单元,101,300,312.5' })
    expect(again.data).toMatchObject({ imported: 0, unchanged: 1 })
    expect(await world.console('ops', { action: 'importMeterReadings', communityId: COMMUNITY, code: 'property', period: '2026-12', csv })).toMatchObject({ code: 'FEE.BAD_ITEM' })

    await world.console('ops', { action: 'runBills', communityId: COMMUNITY, period: '2026-12' })
    const [water] = await billsWhere(world, { householdId: 'h-1-1-101', period: '2026-12', kind: 'metered' })
    expect(water).toMatchObject({ principalFen: Math.round(12.5 * 520), detail: '300→312.5，用量12.5吨 × 5.20元' })
    // Once billed, the reading is locked.
    const late = await world.console('ops', { action: 'importMeterReadings', communityId: COMMUNITY, code: 'water', period: '2026-12', csv: '1栋,1单元,101,300,320' })
    expect(late.data.rejected).toEqual([{ line: 1, reason: '本期账单已生成，读数不能再修改' }])
  })
})
