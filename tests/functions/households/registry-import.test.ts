import { createTestWorld, dumpDatabase, rid, type TestWorld } from '../../support/test-platform'
import { captureLogs, FULL_PHONE } from './households-test-kit'

const CSV = [
  '楼栋,单元,房号,面积,业主姓名,业主手机', // line 1: header
  '1栋,1单元,101,89.5,张三,13800000101', // 2 ok
  '1号楼,1,102,96,李四,138-0000-0102', // 3 ok (same building, other spelling)
  '2栋,1单元,,96,王五,13800000103', // 4 missing room
  '2栋,1单元,201,九十,赵六,13800000104', // 5 area not a number
  '2栋,2单元,301,100,钱七,13800000105', // 6 duplicate of line 7
  '2栋,2,301,100,孙八,13800000106', // 7 duplicate of line 6
  'X区,1单元,101,100,周九,13800000107', // 8 unknown building format
  '3栋,1单元,101,120,吴十,12345', // 9 bad phone
  '', // 10 blank: skipped
  '"3栋","1单元","102","120.25","郑, 十一",13800000109', // 11 ok, quoted with a comma in the name
  '3栋,1单元,103', // 12 too few columns
].join('\n')

describe('ops.importHouseholds: the registry from CSV text', () => {
  let world: TestWorld
  beforeEach(async () => {
    world = await createTestWorld({ seed: true })
    await world.console('ops', { action: 'upsertCommunity', communityId: 'c-test', name: '测试小区', city: '杭州' })
  })
  afterEach(() => world.close())

  const importCsv = (csv: string, extra: Record<string, unknown> = {}) => world.console('ops', { action: 'importHouseholds', communityId: 'c-test', csv, ...extra })

  it('imports the good rows and reports every bad one with its line number and reason', async () => {
    const res = await importCsv(CSV)
    if (!res.ok) throw new Error(res.message)
    expect(res.data).toMatchObject({ rows: 10, created: 3, updated: 0, unchanged: 0, buildingsCreated: 2 })
    const reasons = Object.fromEntries(res.data.rejected.map((r: { line: number; reason: string }) => [r.line, r.reason]))
    expect(Object.keys(reasons).map(Number)).toEqual([4, 5, 6, 7, 8, 9, 12])
    expect(reasons[4]).toBe('缺少房号')
    expect(reasons[5]).toMatch(/^面积不是有效数字/)
    expect(reasons[6]).toMatch(/重复.*第 6、7 行/)
    expect(reasons[7]).toMatch(/重复.*第 6、7 行/)
    expect(reasons[8]).toMatch(/无法识别的楼栋格式「X区」/)
    expect(reasons[9]).toMatch(/手机号格式不正确/)
    expect(reasons[12]).toMatch(/列数不足/)
    expect(JSON.stringify(res)).not.toMatch(FULL_PHONE)

    const buildings = await world.call('households', 'demo-unbound', { action: 'listBuildings', communityId: 'c-test' })
    expect(buildings.ok && buildings.data.buildings.map((b: { name: string }) => b.name)).toEqual(['1栋', '3栋'])
    const b1 = buildings.ok && buildings.data.buildings[0].id
    const rooms = await world.call('households', 'demo-unbound', { action: 'listRooms', buildingId: b1, unit: '1单元' })
    expect(rooms.ok && rooms.data.rooms.map((r: { room: string }) => r.room)).toEqual(['101', '102'])
  })

  it('re-importing the same file changes nothing; a changed row is an update', async () => {
    await importCsv(CSV)
    const before = dumpDatabase(world.platform)
    const again = await importCsv(CSV)
    expect(again).toMatchObject({ ok: true, data: { created: 0, updated: 0, unchanged: 3, buildingsCreated: 0 } })
    expect(dumpDatabase(world.platform)).toEqual(before)

    const changed = await importCsv('1栋,1单元,101,90,张三,13800000101\n1栋,1单元,102,96,李四,13800000102')
    expect(changed).toMatchObject({ ok: true, data: { created: 0, updated: 1, unchanged: 1, rejected: [] } })
  })

  it('the imported owner can bind with the phone from the file', async () => {
    await importCsv(CSV)
    const buildings = await world.call('households', 'demo-unbound', { action: 'listBuildings', communityId: 'c-test' })
    const b3 = buildings.ok && buildings.data.buildings.find((b: { name: string }) => b.name === '3栋').id
    const rooms = await world.call('households', 'demo-unbound', { action: 'listRooms', buildingId: b3, unit: '1单元' })
    const householdId = rooms.ok && rooms.data.rooms[0].householdId
    const bound = await world.call('households', 'demo-unbound', { action: 'bind', requestId: rid(), householdId, ownerName: '郑, 十一', phone: '13800000109' })
    expect(bound).toMatchObject({ ok: true, data: { household: { label: '测试小区 3栋1单元102', areaM2: 120.25 } } })
  })

  it('a dry run validates and counts but writes nothing', async () => {
    const before = dumpDatabase(world.platform)
    const res = await importCsv(CSV, { dryRun: true })
    expect(res).toMatchObject({ ok: true, data: { dryRun: true, created: 3 } })
    expect(dumpDatabase(world.platform)).toEqual(before)
  })

  it('an unknown community or a malformed event writes nothing', async () => {
    const before = dumpDatabase(world.platform)
    expect(await world.console('ops', { action: 'importHouseholds', communityId: 'c-nowhere', csv: CSV })).toMatchObject({ ok: false, code: 'COMMUNITY.NOT_FOUND' })
    expect(await world.console('ops', { action: 'importHouseholds', communityId: 'c-test' })).toMatchObject({ ok: false, code: 'VALIDATION.FAILED' })
    expect(dumpDatabase(world.platform)).toEqual(before)
  })

  it('pages past the 1000-document read cap: 2,400 rows import, and re-import finds every one of them', async () => {
    const lines: string[] = []
    for (let b = 1; b <= 4; b++) for (let u = 1; u <= 2; u++) for (let f = 1; f <= 30; f++) for (let r = 1; r <= 10; r++) lines.push(`${b}栋,${u}单元,${f}${String(r).padStart(2, '0')},88,业主${lines.length},139${String(lines.length).padStart(8, '0')}`)
    const first = await importCsv(lines.join('\n'))
    expect(first).toMatchObject({ ok: true, data: { rows: 2400, created: 2400, rejected: [] } })
    const second = await importCsv(lines.join('\n'))
    expect(second).toMatchObject({ ok: true, data: { created: 0, updated: 0, unchanged: 2400 } })
  })

  it('two imports of one file at the same time create each household once', async () => {
    const [a, b] = await Promise.all([importCsv(CSV), importCsv(CSV)])
    if (!a.ok || !b.ok) throw new Error('import failed')
    expect(a.data.created + b.data.created).toBe(3)
    const households = dumpDatabase(world.platform).households.filter((h: any) => h.communityId === 'c-test')
    expect(households).toHaveLength(3)
  })

  it('logs counts only: no phone, no owner name', async () => {
    const lines = await captureLogs(world, () => importCsv(CSV))
    expect(lines.some((l) => l.includes('registry.imported'))).toBe(true)
    expect(lines.join('\n')).not.toMatch(FULL_PHONE)
    expect(lines.join('\n')).not.toContain('张三')
  })

  it('only ops of the community may import from the mini-program; console and ops can', async () => {
    const event = { action: 'importHouseholds', communityId: 'c-sunshine', csv: '1栋,1单元,9901,90,新业主,13800009901' }
    for (const openid of ['demo-owner', 'demo-steward', 'demo-technician']) {
      expect(await world.call('ops', openid, { ...event, requestId: rid() })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    }
    expect(await world.call('ops', 'demo-ops', { ...event, requestId: rid() })).toMatchObject({ ok: true, data: { created: 1 } })
    // ops of one community are not ops of another
    expect(await world.call('ops', 'demo-ops', { ...event, communityId: 'c-test', requestId: rid() })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
  })
})
