import { rid } from '../../support/test-platform'
import { DEMO_COMMUNITY_ID, addResidents, createCampaign, openGroupbuyWorld, paidOrder, STEWARD, type GroupbuyWorld } from './groupbuy-test-kit'

const HOUR = 3600_000

/** Stewards and ops run campaigns from the mini-program: templates, create, extend, close early; each change recorded. */
describe('groupbuy: campaign management', () => {
  let w: GroupbuyWorld
  beforeEach(async () => {
    w = await openGroupbuyWorld()
  })
  afterEach(() => w.close())
  const call = (action: string, input: Record<string, unknown>, openid = STEWARD) => w.call('groupbuy', openid, { action, requestId: rid('m'), ...input })

  it('creates from a template, extends with a reason (pickup moves along), closes early; the change log says who, when and why', async () => {
    const t = await w.call('groupbuy', STEWARD, { action: 'campaignTemplates' })
    if (!t.ok) throw new Error(t.code)
    const fruit = t.data.templates.find((x: { key: string }) => x.key === 'fruit')
    const now = w.clock.now().getTime()
    const created = await call('createCampaign', {
      communityId: DEMO_COMMUNITY_ID,
      title: fruit.title,
      description: fruit.description,
      minParticipants: 1,
      deadline: new Date(now + 24 * HOUR).toISOString(),
      pickup: { point: fruit.pickupPoint, startsAt: new Date(now + 30 * HOUR).toISOString(), endsAt: new Date(now + 36 * HOUR).toISOString() },
      skus: fruit.skus,
    })
    if (!created.ok) throw new Error(`${created.code} ${JSON.stringify(created.issues)}`)
    const campaignId = created.data.campaignId
    w.clock.advance(60_000)
    const extended = await call('extendCampaign', { campaignId, deadline: new Date(now + 48 * HOUR).toISOString(), reason: '到货推迟一天' })
    expect(extended).toMatchObject({ ok: true, data: { changeable: true, deadline: new Date(now + 48 * HOUR).toISOString() } })
    expect(await call('extendCampaign', { campaignId, deadline: new Date(now + 10 * HOUR).toISOString(), reason: '提前' })).toMatchObject({ ok: false, code: 'GROUPBUY.INVALID_SCHEDULE' })
    expect(await call('extendCampaign', { campaignId, deadline: new Date(now + 72 * HOUR).toISOString(), reason: '' })).toMatchObject({ ok: false, code: 'VALIDATION.FAILED' })

    const [p] = await addResidents(w, 1)
    const skuId = (await w.call('groupbuy', p.openid, { action: 'campaign', campaignId })) as { ok: true; data: { campaign: { skus: { skuId: string }[] } } }
    await paidOrder(w, p.openid, p.householdId, campaignId, skuId.data.campaign.skus[0].skuId)
    w.clock.advance(60_000)
    const closed = await call('closeCampaign', { campaignId, reason: '已备齐货，提前截单' })
    expect(closed).toMatchObject({ ok: true, data: { outcome: 'formed', changeable: false } })
    expect(await call('extendCampaign', { campaignId, deadline: new Date(now + 96 * HOUR).toISOString(), reason: '再延长' })).toMatchObject({ ok: false, code: 'GROUPBUY.NOT_CHANGEABLE' })

    const log = await w.call('groupbuy', STEWARD, { action: 'campaignChanges', campaignId })
    expect(log).toMatchObject({ ok: true, data: { changes: [{ kind: 'closed_early', reason: '已备齐货，提前截单', by: STEWARD }, { kind: 'extended', reason: '到货推迟一天' }, { kind: 'created' }] } })
    const list = await w.call('groupbuy', STEWARD, { action: 'manageCampaigns' })
    expect(list).toMatchObject({ ok: true })
    expect(list.ok && list.data.items.find((c: { campaignId: string }) => c.campaignId === campaignId)).toMatchObject({ participants: 1, soldUnits: 1 })
  })

  it('residents cannot create, extend or close', async () => {
    const { campaignId } = await createCampaign(w)
    const [p] = await addResidents(w, 1)
    expect(await call('closeCampaign', { campaignId, reason: '试试看' }, p.openid)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expect(await w.call('groupbuy', p.openid, { action: 'manageCampaigns' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
  })
})
