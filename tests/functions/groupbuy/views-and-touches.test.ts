import { dumpDatabase, rid } from '../../support/test-platform'
import { GROUPBUY_COLLECTIONS, type TouchDoc } from '../../../cloudfunctions/core/groupbuy/groupbuy.model'
import { localCloudIdFor, fakeOpenGid } from '../../../cloudfunctions/platform/local/open-gid.local'
import { addResidents, all, createCampaign, DEMO_COMMUNITY_ID, OWNER, OWNER_HOUSEHOLD, openGroupbuyWorld, paidOrder, placeOrder, STEWARD, STEWARD_ID, type GroupbuyWorld } from './groupbuy-test-kit'

describe('groupbuy: pages and share-card touches', () => {
  let w: GroupbuyWorld
  beforeEach(async () => {
    w = await openGroupbuyWorld()
  })
  afterEach(() => w.close())

  it('list and detail show progress ("已有 N 户参团，差 M 户成团"), SKUs with what is left, and whether the caller may order', async () => {
    const people = await addResidents(w, 2)
    const { campaignId, skuIds } = await createCampaign(w, { minParticipants: 5, skus: [
      { title: '脐橙 5斤', priceFen: 3990, stock: 20, limitPerHousehold: 2 },
      { title: '脐橙 10斤', priceFen: 6990, stock: 10, limitPerHousehold: 1 },
    ] })
    const draft = await createCampaign(w, { publish: false })
    await paidOrder(w, people[0].openid, people[0].householdId, campaignId, skuIds[0], 2)
    await paidOrder(w, people[1].openid, people[1].householdId, campaignId, skuIds[1])
    await placeOrder(w, OWNER, OWNER_HOUSEHOLD, campaignId, [{ skuId: skuIds[0], quantity: 1 }]) // unpaid: not a participant yet

    const list = await w.call('groupbuy', OWNER, { action: 'campaigns' })
    expect(list).toMatchObject({ ok: true, data: { communityId: DEMO_COMMUNITY_ID, hasMore: false } })
    const cards = list.ok ? (list.data.items as { campaignId: string }[]) : []
    expect(cards.find((c) => c.campaignId === campaignId)).toMatchObject({ participants: 2, missing: 3, priceFromFen: 3990, status: 'open', soldOut: false })
    expect(cards.map((c) => c.campaignId)).not.toContain(draft.campaignId)
    const detail = await w.call('groupbuy', OWNER, { action: 'campaign', campaignId })
    expect(detail).toMatchObject({
      ok: true,
      data: {
        campaign: {
          participants: 2,
          missing: 3,
          communityName: '阳光花园',
          canOrder: true,
          blockedReason: null,
          household: { householdId: OWNER_HOUSEHOLD, label: '阳光花园 1栋1单元101' },
          viewerStewardId: null,
          skus: [{ skuId: skuIds[0], remaining: 17, limitPerHousehold: 2 }, { skuId: skuIds[1], remaining: 9 }],
          pickup: { point: '物业服务中心' },
        },
      },
    })
    // A steward sees the id their share cards carry; a visitor may look but not order.
    expect(await w.call('groupbuy', STEWARD, { action: 'campaign', campaignId })).toMatchObject({ ok: true, data: { campaign: { viewerStewardId: STEWARD_ID, canOrder: false } } })
    expect(await w.call('groupbuy', 'demo-visitor', { action: 'campaign', campaignId })).toMatchObject({ ok: true, data: { campaign: { canOrder: false, household: null, blockedReason: expect.stringContaining('阳光花园') } } })
    expect(await w.call('groupbuy', 'demo-visitor', { action: 'campaigns' })).toMatchObject({ ok: true, data: { communityId: null, items: [] } })
    expect(await w.call('groupbuy', 'demo-visitor', { action: 'campaigns', communityId: DEMO_COMMUNITY_ID })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
  })

  it('my orders: newest first, with stage and no pickup code before the group forms', async () => {
    const { campaignId, skuIds } = await createCampaign(w)
    await placeOrder(w, OWNER, OWNER_HOUSEHOLD, campaignId, [{ skuId: skuIds[0], quantity: 1 }])
    w.clock.advance(60_000)
    await placeOrder(w, 'demo-family', OWNER_HOUSEHOLD, campaignId, [{ skuId: skuIds[0], quantity: 1 }])
    const mine = await w.call('groupbuy', OWNER, { action: 'myOrders', limit: 1 })
    expect(mine).toMatchObject({ ok: true, data: { hasMore: true, items: [{ campaignTitle: '阳光农场 赣南脐橙', stage: 'unpaid', orderStatus: 'created', pickupCode: null }] } })
    expect(await w.call('groupbuy', 'demo-visitor', { action: 'myOrders' })).toMatchObject({ ok: true, data: { items: [] } })
  })

  it('opening a steward share card records (resident, steward, campaign, group, time)', async () => {
    const { campaignId } = await createCampaign(w)
    const res = await w.call('groupbuy', OWNER, { action: 'recordTouch', requestId: rid(), campaignId, stewardId: STEWARD_ID, groupCloudId: localCloudIdFor('阳光花园1-3栋业主群') })
    expect(res).toMatchObject({ ok: true, data: { recorded: true } })
    const touches = await all<TouchDoc>(w, GROUPBUY_COLLECTIONS.touches)
    expect(touches).toEqual([
      expect.objectContaining({ residentOpenid: OWNER, stewardId: STEWARD_ID, stewardOpenid: STEWARD, campaignId, communityId: DEMO_COMMUNITY_ID, groupId: fakeOpenGid('阳光花园1-3栋业主群'), source: 'groupbuy_share', at: w.clock.now() }),
    ])
  })

  it('cards that do not check out record nothing and fail nothing', async () => {
    const { campaignId } = await createCampaign(w)
    const before = dumpDatabase(w.platform)
    const cases = [
      { campaignId, stewardId: 's-technician' }, // not a steward
      { campaignId, stewardId: 'nobody' },
      { campaignId: 'gb_missing', stewardId: STEWARD_ID },
    ]
    for (const c of cases) expect(await w.call('groupbuy', OWNER, { action: 'recordTouch', requestId: rid(), ...c })).toMatchObject({ ok: true, data: { recorded: false } })
    // The steward opening their own card is not a touch.
    expect(await w.call('groupbuy', STEWARD, { action: 'recordTouch', requestId: rid(), campaignId, stewardId: STEWARD_ID })).toMatchObject({ ok: true, data: { recorded: false } })
    // A forged group id is not believed: the touch is recorded without a group.
    expect(await w.call('groupbuy', OWNER, { action: 'recordTouch', requestId: rid(), campaignId, stewardId: STEWARD_ID, groupCloudId: 'forged' })).toMatchObject({ ok: true, data: { recorded: true } })
    const touches = await all<TouchDoc>(w, GROUPBUY_COLLECTIONS.touches)
    expect(touches.map((t) => t.groupId)).toEqual([null])
    expect({ ...dumpDatabase(w.platform), [GROUPBUY_COLLECTIONS.touches]: undefined }).toEqual({ ...before, [GROUPBUY_COLLECTIONS.touches]: undefined })
  })

  it('ops: bad campaigns are refused before anything is written; drafts publish; the overview shows units sold', async () => {
    const before = dumpDatabase(w.platform)
    const now = w.clock.now().getTime()
    const base = { action: 'groupbuyCreateCampaign', communityId: DEMO_COMMUNITY_ID, title: '测试', minParticipants: 1, skus: [{ title: '米', priceFen: 100, stock: 5, limitPerHousehold: 1 }] }
    const at = (h: number) => new Date(now + h * 3600_000).toISOString()
    const bad: [Record<string, unknown>, string][] = [
      [{ ...base, deadline: at(-1), pickup: { point: '门岗', startsAt: at(1), endsAt: at(2) } }, 'GROUPBUY.INVALID_SCHEDULE'],
      [{ ...base, deadline: at(5), pickup: { point: '门岗', startsAt: at(1), endsAt: at(2) } }, 'VALIDATION.FAILED'],
      [{ ...base, deadline: at(1), pickup: { point: '门岗', startsAt: at(2), endsAt: at(1) } }, 'VALIDATION.FAILED'],
      [{ ...base, deadline: at(1), pickup: { point: '门岗', startsAt: at(2), endsAt: at(3) }, skus: [] }, 'VALIDATION.FAILED'],
      [{ ...base, deadline: at(1), pickup: { point: '门岗', startsAt: at(2), endsAt: at(3) }, skus: [{ title: '米', priceFen: 10.5, stock: 5, limitPerHousehold: 1 }] }, 'VALIDATION.FAILED'],
      [{ ...base, deadline: at(1), pickup: { point: '门岗', startsAt: at(2), endsAt: at(3) }, communityId: 'c-nowhere' }, 'COMMUNITY.NOT_FOUND'],
      [{ ...base, deadline: at(1), pickup: { point: '门岗', startsAt: at(2), endsAt: at(3) }, images: ['cloud://local-env.local-bucket/repairs/x.jpg'] }, 'FILE.NOT_FOUND'],
    ]
    for (const [event, code] of bad) {
      const res = await w.console('ops', event)
      expect({ event, code: res.ok ? 'ok' : res.code }).toEqual({ event, code })
    }
    expect(await w.call('ops', OWNER, { ...base, requestId: rid(), deadline: at(1), pickup: { point: '门岗', startsAt: at(2), endsAt: at(3) } })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expect(dumpDatabase(w.platform)).toEqual(before)

    const draft = await createCampaign(w, { publish: false })
    expect(await w.call('ops', 'demo-ops', { action: 'groupbuyPublishCampaign', requestId: rid(), campaignId: draft.campaignId })).toMatchObject({ ok: true, data: { status: 'open' } })
    await placeOrder(w, OWNER, OWNER_HOUSEHOLD, draft.campaignId, [{ skuId: draft.skuIds[0], quantity: 2 }])
    const overview = await w.console('ops', { action: 'groupbuyCampaigns', communityId: DEMO_COMMUNITY_ID })
    expect(overview.ok && overview.data.campaigns.find((c: { campaignId: string }) => c.campaignId === draft.campaignId)).toMatchObject({ status: 'open', skus: [{ stock: 100, sold: 2 }] })
  })
})
