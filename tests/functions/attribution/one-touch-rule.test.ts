import { dumpDatabase, rid } from '../../support/test-platform'
import { ATTRIBUTION_COLLECTIONS, type TouchDoc } from '../../../cloudfunctions/core/attribution/attribution.model'
import { all, createCampaign, OWNER, openGroupbuyWorld, STEWARD_ID, type GroupbuyWorld } from '../groupbuy/groupbuy-test-kit'

/** groupbuy.recordTouch and attribution.recordTouch are one touch service with one rule. */
describe('touches: one service, one rule for share cards and pages', () => {
  let w: GroupbuyWorld
  beforeEach(async () => {
    w = await openGroupbuyWorld()
  })
  afterEach(() => w.close())

  const viaGroupbuy = (openid: string, campaignId: string) => w.call('groupbuy', openid, { action: 'recordTouch', requestId: rid('gbt'), campaignId, stewardId: STEWARD_ID })
  const viaAttribution = (openid: string, campaignId: string) =>
    w.call('attribution', openid, { action: 'recordTouch', requestId: rid('at'), campaignId, stewardId: STEWARD_ID, source: 'steward_card' })

  it.each([
    ['a visitor with no household', 'demo-visitor'],
    ['a stranger who never bound anything', 'stranger-openid-1'],
  ])('%s: both actions record nothing (and fail nothing)', async (_who, openid) => {
    const { campaignId } = await createCampaign(w)
    const before = dumpDatabase(w.platform)
    expect(await viaGroupbuy(openid, campaignId)).toMatchObject({ ok: true, data: { recorded: false } })
    expect(await viaAttribution(openid, campaignId)).toMatchObject({ ok: true, data: { recorded: false } })
    expect(dumpDatabase(w.platform).touches).toEqual(before.touches)
  })

  it('a resident of the community: both record, as their own source, and share the 30-minute de-duplication', async () => {
    const { campaignId } = await createCampaign(w)
    expect(await viaGroupbuy(OWNER, campaignId)).toMatchObject({ ok: true, data: { recorded: true } })
    // The same steward and campaign again within 30 minutes is the same touch, whichever action reports it.
    expect(await viaAttribution(OWNER, campaignId)).toMatchObject({ ok: true, data: { recorded: false } })
    w.clock.advance(31 * 60_000)
    expect(await viaAttribution(OWNER, campaignId)).toMatchObject({ ok: true, data: { recorded: true } })
    const touches = await all<TouchDoc>(w, ATTRIBUTION_COLLECTIONS.touches)
    expect(touches.map((t) => t.source)).toEqual(['groupbuy_share', 'steward_card'])
  })
})
