/**
 * Slow movers (docs/profiles.md, "Slow movers"), by hand. A campaign with two SKUs, 10 units each, on sale
 * from T0 (threshold 30 %, detection after 3 days on sale, 动销 window 7 days):
 *   T0+1h   r0 pays 橙 ×1;  r1 orders 橙 ×3 and never pays (the units are held, not sold)
 *   T0+4d   report: 橙 sold 1 → 10 % (not 40 %), 柚 sold 0 → 0 %; both detected. Ops push the campaign.
 *   T0+5d   r2 pays 柚 ×1, r3 pays 橙 ×1
 *   report: 橙 before [T0−3d, T0+4d) 1 order, after [T0+4d, T0+11d) 1;  柚 before 0, after 1
 *           动销率 before = 1 of 2 pushed slow SKUs sold = 50 %, after = 2 of 2 = 100 %
 * Then ops clear 橙: not re-detected 6 days later (within the 7-day window, no worse), re-detected 7 days
 * after the clearing while still below 30 %.
 */
import { createSandboxWorld, rid, type SandboxWorld } from '../../support/test-platform'
import { callerIn } from '../../support/typed-world'
import { OPS } from '../../support/personas'
import { profilesContract } from '../../../cloudfunctions/contracts/profiles.contract'
import { addResidents, createCampaign, paidOrder, placeOrder } from '../groupbuy/groupbuy-test-kit'
import { redetectable } from '../../../cloudfunctions/core/profiles/slow-movers.service'

const HOUR = 3600_000
const DAY = 24 * HOUR

describe('slow movers and 动销率 before and after a push', () => {
  let world: SandboxWorld
  beforeEach(async () => {
    world = await createSandboxWorld()
  })
  afterEach(() => world.close())

  it('counts only paid units, measures 动销率 around the push, and respects a cleared flag', async () => {
    const { campaignId, skuIds } = await createCampaign(world, {
      deadlineInHours: 30 * 24,
      skus: [
        { title: '赣南脐橙 5斤', priceFen: 3990, stock: 10, limitPerHousehold: 5 },
        { title: '琯溪蜜柚 2个', priceFen: 2990, stock: 10, limitPerHousehold: 5 },
      ],
    })
    const [orange, pomelo] = skuIds
    const [r0, r1, r2, r3] = await addResidents(world, 4)
    const ops = callerIn(world, OPS)
    const report = async () => {
      const r = await ops.call(profilesContract, 'slowMovers', { communityId: 'c-sunshine' })
      return { ...r, mine: Object.fromEntries(r.items.filter((i) => i.campaignId === campaignId).map((i) => [i.skuId, i])) }
    }

    world.clock.advance(HOUR)
    await paidOrder(world, r0.openid, r0.householdId, campaignId, orange, 1)
    const held = await placeOrder(world, r1.openid, r1.householdId, campaignId, [{ skuId: orange, quantity: 3 }])
    expect(held.ok).toBe(true)

    world.clock.advance(4 * DAY - HOUR)
    let r = await report()
    expect(r.mine[orange]).toMatchObject({ sold: 1, stock: 10, sellThrough: 0.1, flaggedBy: 'detector', firstPushAt: null })
    expect(r.mine[pomelo]).toMatchObject({ sold: 0, sellThrough: 0, flaggedBy: 'detector' })

    const { segmentId } = await ops.call(profilesContract, 'saveSegment', { communityId: 'c-sunshine', name: '全小区', criteria: { buildingIds: [], purchased: null, interest: null, tagIds: [] } as never }, { requestId: rid('seg') })
    await ops.call(profilesContract, 'push', { segmentId, title: '水果特惠', body: '脐橙蜜柚今天下单明天自提', campaignId }, { requestId: rid('push') })

    world.clock.advance(DAY)
    await paidOrder(world, r2.openid, r2.householdId, campaignId, pomelo, 1)
    await paidOrder(world, r3.openid, r3.householdId, campaignId, orange, 1)
    r = await report()
    expect(r.mine[orange]).toMatchObject({ sold: 2, ordersBefore: 1, ordersAfter: 1 })
    expect(r.mine[pomelo]).toMatchObject({ sold: 1, ordersBefore: 0, ordersAfter: 1 })
    expect(r.sellRateBefore).toBe(0.5)
    expect(r.sellRateAfter).toBe(1)

    // Ops dismiss 橙 at T0+5d; at T0+11d (6 days on) it stays cleared, at T0+12d (7 days on) it is slow again.
    await ops.call(profilesContract, 'markSlowMover', { communityId: 'c-sunshine', skuId: orange, slow: false }, { requestId: rid('clear') })
    expect((await report()).mine[orange]).toBeUndefined()
    world.clock.advance(6 * DAY)
    expect((await report()).mine[orange]).toBeUndefined()
    world.clock.advance(DAY)
    expect((await report()).mine[orange]).toMatchObject({ flaggedBy: 'detector', sold: 2, sellThrough: 0.2 })
  })

  it('a cleared flag comes back early only when sell-through falls below its value at clearing', () => {
    const at = new Date('2026-12-01T00:00:00Z')
    const cleared = { at, sellThrough: 0.2 }
    const later = (days: number) => new Date(at.getTime() + days * DAY)
    expect(redetectable(null, 0.1, later(0))).toBe(true)
    expect(redetectable(cleared, 0.2, later(6.9))).toBe(false)
    expect(redetectable(cleared, 0.25, later(3))).toBe(false)
    expect(redetectable(cleared, 0.1, later(1))).toBe(true)
    expect(redetectable(cleared, 0.2, later(7))).toBe(true)
  })
})
