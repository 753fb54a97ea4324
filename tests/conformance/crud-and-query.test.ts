import { openTarget, type DbTarget } from './db-target'

describe('conformance: documents, query operators, ordering, paging, projection', () => {
  let t: DbTarget
  let coll: string
  beforeAll(async () => {
    t = await openTarget()
    coll = await t.freshCollection('people')
    const people = [
      { _id: 'p1', name: '王伟', age: 30, city: '杭州', tags: ['a', 'b'], profile: { level: 2, vip: true } },
      { _id: 'p2', name: '李娜', age: 25, city: '上海', tags: ['b'], profile: { level: 1, vip: false } },
      { _id: 'p3', name: '张敏', age: 41, city: '杭州', tags: [], profile: { level: 3, vip: true } },
      { _id: 'p4', name: '刘洋', age: 25, city: '北京', profile: { level: 1, vip: false }, nick: 'yy' },
      { _id: 'p5', name: '陈静', age: 35, city: '上海', tags: ['c'], profile: { level: 2, vip: false } },
    ]
    const res = await t.db.collection(coll).add(people)
    expect(res.ids).toHaveLength(5)
  })
  afterAll(() => t.close())

  const ids = (res: { data: { _id: string }[] }) => res.data.map((d) => d._id).sort()

  it('add returns the id and doc().get returns the document with its fields', async () => {
    const c = t.db.collection(coll)
    const added = await c.add({ name: '新人', age: 1, at: new Date('2026-01-02T03:04:05Z') })
    expect(typeof added.id).toBe('string')
    const got = await c.doc(added.id as string).get()
    expect(got.data).toHaveLength(1)
    expect(got.data[0]).toMatchObject({ _id: added.id, name: '新人', age: 1 })
    expect(got.data[0].at).toBeInstanceOf(Date)
    expect((got.data[0].at as Date).toISOString()).toBe('2026-01-02T03:04:05.000Z')
    await c.doc(added.id as string).remove()
    expect((await c.doc(added.id as string).get()).data).toEqual([])
  })

  it.each([
    ['gt', (_: any) => ({ age: _.gt(30) }), ['p3', 'p5']],
    ['gte', (_: any) => ({ age: _.gte(30) }), ['p1', 'p3', 'p5']],
    ['lt', (_: any) => ({ age: _.lt(30) }), ['p2', 'p4']],
    ['lte', (_: any) => ({ age: _.lte(25) }), ['p2', 'p4']],
    ['in', (_: any) => ({ city: _.in(['北京', '上海']) }), ['p2', 'p4', 'p5']],
    ['nin', (_: any) => ({ city: _.nin(['北京', '上海']) }), ['p1', 'p3']],
    ['neq', (_: any) => ({ city: _.neq('杭州') }), ['p2', 'p4', 'p5']],
    ['and', (_: any) => ({ age: _.gt(20).and(_.lt(31)) }), ['p1', 'p2', 'p4']],
    ['or', (_: any) => _.or([{ city: '北京' }, { age: _.gt(40) }]), ['p3', 'p4']],
    ['exists true', (_: any) => ({ nick: _.exists(true) }), ['p4']],
    ['exists false', (_: any) => ({ tags: _.exists(false) }), ['p4']],
    ['array element equality', () => ({ tags: 'b' }), ['p1', 'p2']],
    ['nested field by dot path', () => ({ 'profile.level': 1 }), ['p2', 'p4']],
    ['nested object is a path match', () => ({ profile: { vip: true } }), ['p1', 'p3']],
    ['regexp', (_: any, db: any) => ({ name: db.RegExp({ regexp: '^张' }) }), ['p3']],
  ])('where with %s', async (_name, build, expected) => {
    const res = await t.db.collection(coll).where(build(t.db.command, t.db)).get()
    expect(ids(res as never)).toEqual(expected)
  })

  it('count counts matches', async () => {
    const res = await t.db.collection(coll).where({ city: '杭州' }).count()
    expect(res.total).toBe(2)
  })

  it('orderBy on several fields, then skip and limit page through', async () => {
    const q = t.db.collection(coll).orderBy('age', 'asc').orderBy('name', 'desc')
    const all = (await q.get()).data.map((d: any) => d._id)
    // Ties on age break by name descending (by code point: 李 U+674E sorts after 刘 U+5218).
    expect(all).toEqual(['p2', 'p4', 'p1', 'p5', 'p3'])
    const ages = (await q.get()).data.map((d: any) => d.age)
    expect(ages).toEqual([25, 25, 30, 35, 41])
    const page2 = (await q.skip(2).limit(2).get()).data.map((d: any) => d._id)
    expect(page2).toEqual(all.slice(2, 4))
    const desc = (await t.db.collection(coll).orderBy('age', 'desc').limit(1).get()).data[0]
    expect(desc._id).toBe('p3')
  })

  it('field() projects, including nested paths, and keeps _id', async () => {
    const res = await t.db.collection(coll).where({ _id: 'p1' }).field({ name: true, 'profile.level': true }).get()
    expect(res.data[0]).toEqual({ _id: 'p1', name: '王伟', profile: { level: 2 } })
    const excl = await t.db.collection(coll).doc('p1').field({ tags: false, profile: false }).get()
    expect(excl.data[0]).toEqual({ _id: 'p1', name: '王伟', age: 30, city: '杭州' })
  })

  it('where().update() with operators changes every match and reports the count', async () => {
    const _ = t.db.command
    const c = t.db.collection(coll)
    const res = await c.where({ city: '上海' }).update({ age: _.inc(1), 'profile.vip': true })
    expect(res.updated).toBe(2)
    const docs = (await c.where({ city: '上海' }).orderBy('_id', 'asc').get()).data
    expect(docs.map((d: any) => [d.age, d.profile.vip])).toEqual([[26, true], [36, true]])
    await c.where({ city: '上海' }).update({ age: _.inc(-1) })
  })

  it('doc().update with set / push / pull / addToSet / remove', async () => {
    const _ = t.db.command
    const c = t.db.collection(coll)
    const { id } = await c.add({ list: [1, 2, 3], obj: { a: 1, b: 2 }, gone: 'x' })
    await c.doc(id as string).update({ list: _.push([4]), obj: _.set({ only: true }), gone: _.remove() })
    await c.doc(id as string).update({ list: _.pull(2) })
    await c.doc(id as string).update({ list: _.addToSet(3) })
    await c.doc(id as string).update({ list: _.addToSet(9) })
    const doc = (await c.doc(id as string).get()).data[0]
    expect(doc).toEqual({ _id: id, list: [1, 3, 4, 9], obj: { only: true } })
  })

  it('doc().set replaces the whole document and upserts a missing one', async () => {
    const c = t.db.collection(coll)
    await c.doc('set-me').set({ a: 1, b: 2 })
    await c.doc('set-me').set({ c: 3 })
    expect((await c.doc('set-me').get()).data[0]).toEqual({ _id: 'set-me', c: 3 })
    await c.doc('set-me').remove()
  })

  it('serverDate() is filled in by the database', async () => {
    const c = t.db.collection(coll)
    const before = Date.now()
    const { id } = await c.add({ at: t.db.serverDate() })
    const at = (await c.doc(id as string).get()).data[0].at as Date
    expect(at).toBeInstanceOf(Date)
    expect(at.getTime()).toBeGreaterThanOrEqual(before - 5000)
    await c.doc(id as string).update({ at: t.db.serverDate({ offset: 60_000 }) })
    const later = (await c.doc(id as string).get()).data[0].at as Date
    expect(later.getTime()).toBeGreaterThan(at.getTime())
    await c.doc(id as string).remove()
  })

  it('where().remove() removes every match', async () => {
    const c = t.db.collection(coll)
    await c.add([{ kind: 'tmp' }, { kind: 'tmp' }, { kind: 'keep' }])
    const res = await c.where({ kind: 'tmp' }).remove()
    expect(res.deleted).toBe(2)
    expect((await c.where({ kind: 'keep' }).count()).total).toBe(1)
    await c.where({ kind: 'keep' }).remove()
  })

  it('a duplicate _id is refused in CloudBase error shape, leaving the original', async () => {
    const c = t.db.collection(coll)
    const res: any = await c.add({ _id: 'p1', name: 'impostor' })
    expect(typeof res.code).toBe('string')
    expect(res.message).toMatch(/duplicate/i)
    expect((await c.doc('p1').get()).data[0].name).toBe('王伟')
  })
})
