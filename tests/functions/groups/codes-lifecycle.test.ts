import { dumpDatabase, rid, type TestWorld } from '../../support/test-platform'
import { localCloudIdFor } from '../../../cloudfunctions/platform/local/open-gid.local'
import { currentScore, rawIncrement, HALF_LIFE_MS } from '../../../cloudfunctions/core/groups/activity-score'
import { creditPaidOrder } from '../../../cloudfunctions/core/groups/membership.service'
import { createGroup, DAY, groupsWorld, liveGroup, ok, putImage, STEWARD, uploadQr } from './groups-world'

const outboxOf = (world: TestWorld, template: string) =>
  world.platform.local.engine.store.scan('dev_outbox').map((r) => r.doc as { toOpenid: string; template: string }).filter((m) => m.template === template)

describe('groups: QR codes expire 7 days after saving', () => {
  let world: TestWorld
  let grp: { id: string }
  beforeEach(async () => {
    world = await groupsWorld()
    grp = await createGroup(world, STEWARD, { name: '1栋业主群', kind: 'owners', buildingIds: ['b-1'] })
  })
  afterEach(() => world.close())

  it('stores the code with the save date and an expiry 7 days later, shown as a temp URL', async () => {
    const savedAt = new Date(world.clock.now().getTime() - 2 * DAY)
    const view = await uploadQr(world, STEWARD, grp.id, savedAt)
    expect(view.code).toMatchObject({ status: 'live', savedAt: savedAt.toISOString(), expiresAt: new Date(savedAt.getTime() + 7 * DAY).toISOString() })
    expect(view.code.url).toMatch(/^\/storage\/groups\/.+sign=/)
  })

  it.each([
    ['saved more than 7 days ago', -8 * DAY, 'GROUP.CODE_EXPIRED'],
    ['saved in the future', 2 * DAY, 'GROUP.CODE_DATE_INVALID'],
  ])('refuses a code %s, writing nothing', async (_case, offset, code) => {
    const fileId = await putImage(world)
    const before = dumpDatabase(world.platform)
    const savedAt = new Date(world.clock.now().getTime() + offset).toISOString()
    expect(await world.call('groups', STEWARD, { action: 'uploadCode', requestId: rid(), groupId: grp.id, fileId, savedAt })).toMatchObject({ ok: false, code })
    expect(dumpDatabase(world.platform)).toEqual(before)
  })

  it('refuses a file that is not an image, or was never uploaded', async () => {
    const text = await putImage(world, Buffer.from('这不是图片'))
    const savedAt = world.clock.now().toISOString()
    expect(await world.call('groups', STEWARD, { action: 'uploadCode', requestId: rid(), groupId: grp.id, fileId: text, savedAt })).toMatchObject({ code: 'FILE.TYPE_NOT_ALLOWED' })
    expect(await world.call('groups', STEWARD, { action: 'uploadCode', requestId: rid(), groupId: grp.id, fileId: 'cloud://local-env.local-bucket/groups/none.png', savedAt })).toMatchObject({ code: 'FILE.NOT_FOUND' })
  })

  it('reminds the steward once, a day before the code lapses, however often the timer runs', async () => {
    await uploadQr(world, STEWARD, grp.id)
    world.clock.advance(5 * DAY)
    expect(await ok(world.timer('groups', 'groupCodeReminders'))).toEqual({ reminded: 0 })
    world.clock.advance(DAY + 3_600_000)
    expect(await ok(world.timer('groups', 'groupCodeReminders'))).toEqual({ reminded: 1 })
    expect(await ok(world.timer('groups', 'groupCodeReminders'))).toEqual({ reminded: 0 })
    expect(outboxOf(world, 'group_alert').map((m) => m.toOpenid)).toEqual([STEWARD])
    const { tasks } = await ok(world.call('groups', STEWARD, { action: 'todayTasks' }))
    expect(tasks).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'code_expiring', groupId: grp.id })]))
  })

  it('a new code gets its own reminder', async () => {
    await uploadQr(world, STEWARD, grp.id)
    world.clock.advance(6 * DAY + 3_600_000)
    await ok(world.timer('groups', 'groupCodeReminders'))
    await uploadQr(world, STEWARD, grp.id)
    world.clock.advance(6 * DAY + 3_600_000)
    expect(await ok(world.timer('groups', 'groupCodeReminders'))).toEqual({ reminded: 1 })
    expect(outboxOf(world, 'group_alert')).toHaveLength(2)
  })

  it('a reminder run that crashed after alerting does not alert twice on the re-run', async () => {
    await uploadQr(world, STEWARD, grp.id)
    world.clock.advance(6 * DAY + 3_600_000)
    const engine = world.platform.local.engine
    engine.faultHook = (action, params) => {
      // Fail the "mark as reminded" write: the alert is already raised by then.
      if (action === 'database.modifyDocument' && JSON.stringify(params).includes('codeReminded')) throw new Error('crash')
    }
    expect(await world.timer('groups', 'groupCodeReminders')).toMatchObject({ ok: false, code: 'INTERNAL' })
    engine.faultHook = undefined
    expect(await ok(world.timer('groups', 'groupCodeReminders'))).toEqual({ reminded: 0 })
    expect(outboxOf(world, 'group_alert')).toHaveLength(1)
    const again = await ok(world.timer('groups', 'groupCodeReminders'))
    expect(again).toEqual({ reminded: 0 })
  })
})

describe('groups: lifecycle, activity and the onboarding programme', () => {
  let world: TestWorld
  beforeEach(async () => {
    world = await groupsWorld()
  })
  afterEach(() => world.close())

  it('activity decays by half every half-life', () => {
    const at = new Date('2026-11-22T00:00:00Z')
    const raw = rawIncrement('order', at) + rawIncrement('open', at, 3)
    expect(currentScore(raw, at)).toBeCloseTo(8)
    expect(currentScore(raw, new Date(at.getTime() + HALF_LIFE_MS))).toBeCloseTo(4)
    expect(currentScore(raw, new Date(at.getTime() + 3 * HALF_LIFE_MS))).toBeCloseTo(1)
  })

  it('strong for the first month, then flagged silent and weak when nobody is active; active members listed to move', async () => {
    const quiet = await liveGroup(world, STEWARD, { name: '1栋老群', kind: 'owners', buildingIds: ['b-1'] })
    await ok(world.call('groups', STEWARD, { action: 'bindGroup', requestId: rid(), groupId: quiet.id, cloudID: localCloudIdFor('老群') }))
    await ok(world.call('groups', 'demo-owner', { action: 'recordEntry', requestId: rid(), cloudID: localCloudIdFor('老群') }))
    await ok(world.call('groups', 'demo-family', { action: 'recordEntry', requestId: rid(), cloudID: localCloudIdFor('老群') }))
    const view = async () => (await ok(world.call('groups', STEWARD, { action: 'myGroups' }))).groups.find((x: { id: string }) => x.id === quiet.id)
    expect(await view()).toMatchObject({ stage: 'strong', silent: false })
    expect(await ok(world.timer('groups', 'groupLifecycle'))).toEqual({ flagged: 0, revived: 0 })

    world.clock.advance(40 * DAY)
    const live = await liveGroup(world, STEWARD, { name: '1栋新群', kind: 'owners', buildingIds: ['b-1'] })
    await ok(world.call('groups', 'demo-owner', { action: 'recordEntry', requestId: rid(), cloudID: localCloudIdFor('老群') }))
    expect(await ok(world.timer('groups', 'groupLifecycle'))).toEqual({ flagged: 1, revived: 0 })
    expect(await ok(world.timer('groups', 'groupLifecycle'))).toEqual({ flagged: 0, revived: 0 })
    expect(await view()).toMatchObject({ stage: 'weak', silent: true })

    const move = await ok(world.call('groups', STEWARD, { action: 'membersToMove', groupId: quiet.id }))
    expect(move.members).toEqual([expect.objectContaining({ label: '1栋1单元101', identity: 'owner' })])
    expect(move.target).toMatchObject({ id: live.id })
    const { tasks } = await ok(world.call('groups', STEWARD, { action: 'todayTasks' }))
    expect(tasks).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'silent_group', groupId: quiet.id })]))
  })

  it('a paid order credits its payer’s groups once, however often the paid hook runs', async () => {
    const grp = await liveGroup(world, STEWARD, { name: '1栋群', kind: 'owners', buildingIds: ['b-1'] })
    await ok(world.call('groups', STEWARD, { action: 'bindGroup', requestId: rid(), groupId: grp.id, cloudID: localCloudIdFor('群') }))
    await ok(world.call('groups', 'demo-owner', { action: 'recordEntry', requestId: rid(), cloudID: localCloudIdFor('群') }))
    const score = async () => (await ok(world.call('groups', STEWARD, { action: 'myGroups' }))).groups[0].score
    const before = await score()
    const db = world.platform.db
    expect(await creditPaidOrder(db, 'order-1', 'demo-owner', world.clock.now())).toBe(1)
    expect(await creditPaidOrder(db, 'order-1', 'demo-owner', world.clock.now())).toBe(0)
    expect(await creditPaidOrder(db, 'order-2', 'demo-visitor', world.clock.now())).toBe(0)
    expect(await score()).toBeCloseTo(before + 5, 1)
  })

  it('a silent group that comes back to life is un-flagged', async () => {
    const grp = await liveGroup(world, STEWARD, { name: '1栋群', kind: 'owners', buildingIds: ['b-1'] })
    await ok(world.call('groups', STEWARD, { action: 'bindGroup', requestId: rid(), groupId: grp.id, cloudID: localCloudIdFor('群') }))
    world.clock.advance(35 * DAY)
    expect(await ok(world.timer('groups', 'groupLifecycle'))).toMatchObject({ flagged: 1 })
    for (const who of ['demo-owner', 'demo-family', 'res-owner-b1']) {
      await ok(world.call('groups', who, { action: 'recordEntry', requestId: rid(), cloudID: localCloudIdFor('群') }))
    }
    expect(await ok(world.timer('groups', 'groupLifecycle'))).toEqual({ flagged: 0, revived: 1 })
  })

  it('gives the steward the starter programme day by day and the keyword replies to look up', async () => {
    const grp = await createGroup(world, STEWARD, { name: '1栋群', kind: 'owners', buildingIds: ['b-1'] })
    const day1 = await ok(world.call('groups', STEWARD, { action: 'playbook', groupId: grp.id }))
    expect(day1.today).toBe(1)
    expect(day1.starterPlan.map((s: { day: number }) => s.day)).toEqual([1, 2, 3, 4, 5, 6, 7])
    world.clock.advance(2 * DAY)
    const { tasks } = await ok(world.call('groups', STEWARD, { action: 'todayTasks' }))
    const starter = tasks.find((t: { type: string }) => t.type === 'starter_post')
    expect(starter.title).toContain('第 3 天')
    expect(starter.text).toBe(day1.starterPlan[2].text)
    world.clock.advance(7 * DAY)
    expect((await ok(world.call('groups', STEWARD, { action: 'playbook', groupId: grp.id }))).today).toBeNull()

    const { results } = await ok(world.call('groups', STEWARD, { action: 'searchReplies', keyword: '报修' }))
    expect(results.length).toBeGreaterThan(0)
    expect(results[0].keyword).toBe('报修')
    const merchants = await ok(world.call('groups', STEWARD, { action: 'searchReplies', keyword: '上架', kind: 'merchants' }))
    expect(merchants.results.map((r: { kind: string }) => r.kind)).toEqual(['merchants'])
  })
})
