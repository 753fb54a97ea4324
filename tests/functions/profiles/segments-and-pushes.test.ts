/**
 * Segments and targeted pushes over the demo community (阳光花园, 6 buildings, profiles-demo.seeder.ts):
 * the size and preview equal a direct count over the stored rows; a push reaches exactly the segment's
 * people who did not opt out and are under the weekly cap; stewards stay in their grid; residents never
 * see segments, tags or scores; conversion counts opens and orders within the window.
 */
import { createTypedWorld, type TypedWorld } from '../../support/typed-world'
import { profilesContract } from '../../../cloudfunctions/contracts/profiles.contract'
import { profilesPaidEffect } from '../../../cloudfunctions/core/profiles/profiles-paid.effect'
import type { OrderDoc } from '../../../cloudfunctions/core/orders'

const NOW = '2026-12-03T02:00:00.000Z'
const DAY = 86_400_000
const FRESH_1_3 = { buildingIds: ['b-1', 'b-2', 'b-3'], purchased: { category: '生鲜' as const, withinDays: 30 } }

describe('profiles: segments, pushes, opt-out, conversion', () => {
  let world: TypedWorld
  const rows = (c: string) => world.platform.local.engine.store.scan(c).map((r) => r.doc as any)

  /** The direct count: households in b-1..b-3 with a 生鲜 purchase in the last 30 days. */
  function directFresh(buildings: string[]): string[] {
    const since = Date.parse(NOW) - 30 * DAY
    const buyers = new Set(rows('household_interactions').filter((i) => i.kind === 'purchase' && i.category === '生鲜' && new Date(i.at).getTime() >= since).map((i) => i.householdId))
    return rows('households').filter((h) => buildings.includes(h.buildingId) && buyers.has(h._id)).map((h) => h._id).sort()
  }

  function bind(openid: string, householdId: string) {
    const db = world.platform.db
    return db.collection('residents').add({ _id: `r-${openid}`, openid, householdId, communityId: 'c-sunshine', role: 'owner', status: 'active', boundAt: new Date(NOW) })
  }

  beforeEach(async () => {
    world = await createTypedWorld({ seed: true, clockAt: NOW })
  })
  afterEach(() => world.close())

  it('size and preview equal a direct count; the preview is masked; stewards see only their grid', async () => {
    const expected = directFresh(['b-1', 'b-2', 'b-3'])
    expect(expected.length).toBeGreaterThan(10)
    expect(expected).toContain('h-1-1-101')
    expect(expected).not.toContain('h-2-1-301')
    const ops = await world.as('ops').call(profilesContract, 'previewSegment', { communityId: 'c-sunshine', criteria: FRESH_1_3 })
    expect(ops.size).toBe(expected.length)
    expect(ops.preview.length).toBe(Math.min(20, expected.length))
    for (const row of ops.preview) {
      expect(row.label).toMatch(/^[1-3]栋 \d单元 \d\*+$/)
      expect(row.owner).toMatch(/^.\*+$/)
    }
    // The steward of 1–3 栋 without naming buildings gets their grid: the same households.
    const steward = await world.as('steward').call(profilesContract, 'previewSegment', { communityId: 'c-sunshine', criteria: { purchased: FRESH_1_3.purchased } })
    expect(steward.size).toBe(expected.length)
    // The steward of 4–6 栋 sees their own buildings only.
    const other = await world.as('steward2').call(profilesContract, 'previewSegment', { communityId: 'c-sunshine', criteria: { purchased: FRESH_1_3.purchased } })
    expect(other.size).toBe(directFresh(['b-4', 'b-5', 'b-6']).length)
    // Asking outside the grid is refused, not silently cut.
    const outside = await world.as('steward').attempt(profilesContract, 'previewSegment', { communityId: 'c-sunshine', criteria: { buildingIds: ['b-4'] } })
    expect(outside).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
  })

  it('interest and tag criteria count like the stored rows say', async () => {
    const interest = await world.as('ops').call(profilesContract, 'previewSegment', { communityId: 'c-sunshine', criteria: { tagIds: ['fresh-buyer-30d'] } })
    const tagged = rows('household_tags').filter((t) => t.tagId === 'fresh-buyer-30d').length
    expect(interest.size).toBe(tagged)
    // The rule tag and the direct criterion agree (both "bought 生鲜 within 30 days").
    expect(tagged).toBe(directFresh(['b-1', 'b-2', 'b-3', 'b-4', 'b-5', 'b-6']).length)
  })

  it('residents are refused every staff action and never see tags or scores', async () => {
    for (const action of ['catalog', 'previewSegment', 'segments', 'conversion'] as const) {
      const input = action === 'catalog' ? {} : action === 'previewSegment' ? { communityId: 'c-sunshine', criteria: FRESH_1_3 } : { communityId: 'c-sunshine' }
      const r = await world.as('owner').attempt(profilesContract, action, input as never)
      expect(r).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    }
  })

  it('a push reaches only the segment, never an opted-out person, at most the weekly cap; retries send nothing twice', async () => {
    const inSegment = directFresh(['b-1', 'b-2', 'b-3']).filter((h) => h !== 'h-1-1-101')
    const outsideByBuilding = directFresh(['b-5'])[0]
    await bind('res-in', inSegment[0])
    await bind('res-optout', inSegment[1])
    await bind('res-out-building', outsideByBuilding)
    await bind('res-out-behaviour', 'h-2-1-301')
    await world.as({ openid: 'res-optout' }).call(profilesContract, 'setPushOptOut', { optedOut: true })
    expect(await world.as({ openid: 'res-optout' }).call(profilesContract, 'pushSetting', {})).toEqual({ optedOut: true, reminders: 0 })

    const { segmentId, size } = await world.as('ops').call(profilesContract, 'saveSegment', { communityId: 'c-sunshine', name: '近30天买过生鲜的 1–3 栋住户', criteria: FRESH_1_3 })
    expect(size).toBe(inSegment.length + 1)
    const first = await world.as('ops').call(profilesContract, 'push', { segmentId, title: '脐橙到货', body: '赣南脐橙今晚 8 点截单，1栋旁自提' }, { requestId: 'push-req-1' })
    // Members in the segment: the demo owner and family (1栋1单元101), res-in, res-optout (skipped).
    expect(first).toMatchObject({ households: inSegment.length + 1, recipients: 3, skippedOptOut: 1, skippedRateLimit: 0 })
    const inbox = rows('inbox_messages').filter((m) => m.template === 'profile_push')
    expect(inbox.map((m) => m.toOpenid).sort()).toEqual(['demo-family', 'demo-owner', 'res-in'])
    expect(inbox[0]).toMatchObject({ title: '社区推荐', page: `packages/profiles/pages/push/index?id=${first.pushId}` })

    // The same request again (a retry): the same push, nobody gets a second message.
    const retry = await world.as('ops').call(profilesContract, 'push', { segmentId, title: '脐橙到货', body: '赣南脐橙今晚 8 点截单，1栋旁自提' }, { requestId: 'push-req-1' })
    expect(retry.pushId).toBe(first.pushId)
    expect(rows('inbox_messages').filter((m) => m.template === 'profile_push')).toHaveLength(3)

    // Weekly cap (2 by default): the second push goes out, the third is held for everyone.
    const second = await world.as('ops').call(profilesContract, 'push', { segmentId, title: '鸡蛋补货', body: '土鸡蛋补货了' }, { requestId: 'push-req-2' })
    expect(second.recipients).toBe(3)
    const third = await world.as('ops').call(profilesContract, 'push', { segmentId, title: '再来一次', body: '第三条推送' }, { requestId: 'push-req-3' })
    expect(third).toMatchObject({ recipients: 0, skippedRateLimit: 3, skippedOptOut: 1 })
    const everyone = rows('inbox_messages').filter((m) => m.template === 'profile_push').map((m) => m.toOpenid)
    expect(everyone).not.toContain('res-optout')
    expect(everyone).not.toContain('res-out-building')
    expect(everyone).not.toContain('res-out-behaviour')
    // A week later the cap has room again.
    world.clock.advance(7 * DAY + 1000)
    const later = await world.as('ops').call(profilesContract, 'push', { segmentId, title: '新一周', body: '新一周的推荐' }, { requestId: 'push-req-4' })
    expect(later.recipients).toBeGreaterThan(0)
  })

  it('a WeChat card goes only against a consent, one per consent; without one only the 消息中心 copy', async () => {
    const inSegment = directFresh(['b-1', 'b-2', 'b-3']).filter((h) => h !== 'h-1-1-101')
    await bind('res-in', inSegment[0])
    const resIn = world.as({ openid: 'res-in' })
    // res-in tapped 允许 twice (two dialogs), the demo owner once, then chose 总是拒绝; the family member never.
    await resIn.call(profilesContract, 'recordConsent', { template: 'profile_push', answer: 'accept' })
    expect(await resIn.call(profilesContract, 'recordConsent', { template: 'profile_push', answer: 'accept' })).toEqual({ template: 'profile_push', credits: 2 })
    await world.as('owner').call(profilesContract, 'recordConsent', { template: 'profile_push', answer: 'accept' })
    expect(await world.as('owner').call(profilesContract, 'recordConsent', { template: 'profile_push', answer: 'ban' })).toEqual({ template: 'profile_push', credits: 0 })
    expect(await resIn.call(profilesContract, 'pushSetting', {})).toEqual({ optedOut: false, reminders: 2 })
    const cards = () => rows('notify_log').filter((m) => m.template === 'profile_push').map((m) => m.toOpenid).sort()
    const inboxOf = () => rows('inbox_messages').filter((m) => m.template === 'profile_push').map((m) => m.toOpenid).sort()

    const { segmentId } = await world.as('ops').call(profilesContract, 'saveSegment', { communityId: 'c-sunshine', name: '近30天买过生鲜的 1–3 栋住户', criteria: FRESH_1_3 })
    const first = await world.as('ops').call(profilesContract, 'push', { segmentId, title: '脐橙到货', body: '今晚截单' }, { requestId: 'consent-push-1' })
    expect(first).toMatchObject({ recipients: 3, subscribeMessages: 1 })
    expect(cards()).toEqual(['res-in'])
    expect(inboxOf()).toEqual(['demo-family', 'demo-owner', 'res-in'])
    // A retry of the same push takes no second credit.
    expect(await world.as('ops').call(profilesContract, 'push', { segmentId, title: '脐橙到货', body: '今晚截单' }, { requestId: 'consent-push-1' })).toMatchObject({ subscribeMessages: 1 })
    expect(await resIn.call(profilesContract, 'pushSetting', {})).toEqual({ optedOut: false, reminders: 1 })
    // The second push uses res-in's last credit; a week later there is none left: 消息中心 only.
    expect(await world.as('ops').call(profilesContract, 'push', { segmentId, title: '鸡蛋补货', body: '土鸡蛋补货了' }, { requestId: 'consent-push-2' })).toMatchObject({ subscribeMessages: 1 })
    world.clock.advance(7 * DAY + 1000)
    expect(await world.as('ops').call(profilesContract, 'push', { segmentId, title: '新一周', body: '新一周的推荐' }, { requestId: 'consent-push-3' })).toMatchObject({ recipients: 3, subscribeMessages: 0 })
    expect(cards()).toEqual(['res-in', 'res-in'])
    expect(inboxOf().filter((o) => o === 'res-in')).toHaveLength(3)
  })

  it('conversion: opens and orders within the window, per segment and per steward', async () => {
    const { segmentId } = await world.as('steward').call(profilesContract, 'saveSegment', { communityId: 'c-sunshine', name: '1–3栋生鲜', criteria: { purchased: FRESH_1_3.purchased } })
    const push = await world.as('steward').call(profilesContract, 'push', { segmentId, title: '脐橙到货', body: '今晚截单' })
    // Only recipients may open it; the open is recorded once.
    expect(await world.as('visitor').attempt(profilesContract, 'openPush', { pushId: push.pushId })).toMatchObject({ ok: false })
    const opened = await world.as('owner').call(profilesContract, 'openPush', { pushId: push.pushId })
    expect(opened).toMatchObject({ title: '脐橙到货', body: '今晚截单', campaignId: null })
    expect(Object.keys(opened).sort()).toEqual(['body', 'campaignId', 'sentAt', 'title'])
    await world.as('owner').call(profilesContract, 'openPush', { pushId: push.pushId })
    // The household pays a group-buy order two days later: the push converts (once, whatever notifies repeat).
    world.clock.advance(2 * DAY)
    const order = { _id: 'o-conv', type: 'groupbuy', communityId: 'c-sunshine', householdId: 'h-1-1-101', payerOpenid: 'demo-owner', amountFen: 3990, lines: [{ refType: 'groupbuy_sku', refId: 'gb-demo-oranges_s1', title: '赣南脐橙 5斤装', quantity: 1, unitPriceFen: 3990, amountFen: 3990 }], payment: { transactionId: 't', paidAt: world.clock.now() } } as unknown as OrderDoc
    const hookCtx = { platform: world.platform, now: () => world.clock.now() }
    // The order.paid outbox event as the money transaction writes it; the effect runs twice (a replayed event).
    const event = { _id: 'order.paid:o-conv', topic: 'order.paid', subjectId: 'o-conv', payload: { order } } as unknown as Parameters<typeof profilesPaidEffect.run>[1]
    await profilesPaidEffect.run(hookCtx, event)
    await profilesPaidEffect.run(hookCtx, event)
    const report = await world.as('steward').call(profilesContract, 'conversion', { communityId: 'c-sunshine' })
    expect(report.pushes[0]).toMatchObject({ pushId: push.pushId, sent: 2, opened: 1, ordered: 1, orderFen: 3990 })
    expect(report.bySegment).toEqual([{ segmentId, name: '1–3栋生鲜', sent: 2, opened: 1, ordered: 1, orderFen: 3990 }])
    expect(report.byPusher).toEqual([{ pusher: '我', role: 'steward', sent: 2, opened: 1, ordered: 1, orderFen: 3990 }])
    // The paid order became a purchase interaction (once) and the household's 生鲜 score moved.
    expect(rows('household_interactions').filter((i) => i.sourceId === 'o-conv-0')).toHaveLength(1)
    // Another steward does not see this steward's pushes; an order after the window converts nothing.
    expect((await world.as('steward2').call(profilesContract, 'conversion', { communityId: 'c-sunshine' })).pushes).toEqual([])
  })

  it('manual tags: a steward tags a household of their grid, not one outside it; rule tags cannot be set by hand', async () => {
    const ok = await world.as('steward').call(profilesContract, 'tagHousehold', { householdId: 'h-2-1-301', tagId: 'has-elderly', on: true })
    expect(ok.on).toBe(true)
    const row = rows('household_tags').find((t) => t._id === 'h-2-1-301:has-elderly')
    expect(row).toMatchObject({ source: 'manual', by: 'demo-steward' })
    expect(await world.as('steward').attempt(profilesContract, 'tagHousehold', { householdId: 'h-5-1-101', tagId: 'has-elderly', on: true })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expect(await world.as('steward').attempt(profilesContract, 'tagHousehold', { householdId: 'h-2-1-301', tagId: 'fresh-buyer-30d', on: true })).toMatchObject({ ok: false, code: 'PROFILE.TAG_NOT_MANUAL' })
    const seg = await world.as('steward').call(profilesContract, 'previewSegment', { communityId: 'c-sunshine', criteria: { tagIds: ['has-elderly'] } })
    expect(seg.size).toBe(1)
  })
})
