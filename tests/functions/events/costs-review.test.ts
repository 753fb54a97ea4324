import { eventsContract } from '../../../cloudfunctions/contracts/events.contract'
import { PngCanvas } from '../../../cloudfunctions/platform/local/demo/png-canvas'
import { createTypedWorld, type TypedWorld } from '../../support/typed-world'
import { dumpDatabase } from '../../support/test-platform'

/** 费用登记 and 核销: bad input writes nothing; approval by someone else, once. */
describe('activity costs: submission and write-off review', () => {
  let world: TypedWorld
  let receipt: string
  beforeEach(async () => {
    world = await createTypedWorld({ seed: true, clockAt: '2026-12-05T06:00:00.000Z' })
    receipt = (await world.platform.ports.storage!.put('events/t/r.png', new PngCanvas(8, 8, [255, 255, 255]).png(), 'image/png')).fileId
  })
  afterEach(() => world.close())

  const cost = (over: Record<string, unknown> = {}) => ({
    title: '活动物料',
    item: 'material' as const,
    amountFen: 5000,
    activities: [{ kind: 'event' as const, id: 'ev-demo-aircon' }],
    bearers: [{ kind: 'property' as const, name: '阳光物业' }],
    receipts: [receipt],
    ...over,
  })

  it('refuses bad costs with clear codes and writes nothing', async () => {
    const before = dumpDatabase(world.platform)
    const steward = world.as('steward')
    expect(await steward.attempt(eventsContract, 'submitCost', cost({ receipts: [] }))).toMatchObject({ ok: false, code: 'VALIDATION.FAILED', message: '请上传票据照片' })
    expect(await steward.attempt(eventsContract, 'submitCost', cost({ amountFen: 12.5 }))).toMatchObject({ ok: false, code: 'VALIDATION.FAILED' })
    expect(await steward.attempt(eventsContract, 'submitCost', cost({ amountFen: 0 }))).toMatchObject({ ok: false, code: 'VALIDATION.FAILED' })
    expect(await steward.attempt(eventsContract, 'submitCost', cost({ receipts: ['cloud://env.bucket/repairs/x.png'] }))).toMatchObject({ ok: false, code: 'FILE.NOT_FOUND' })
    expect(await steward.attempt(eventsContract, 'submitCost', cost({ activities: [{ kind: 'campaign', id: 'no-such' }] }))).toMatchObject({ ok: false, code: 'EVENT.ACTIVITY_NOT_FOUND' })
    expect(
      await steward.attempt(eventsContract, 'submitCost', cost({ activities: [{ kind: 'event', id: 'ev-demo-aircon' }, { kind: 'event', id: 'ev-demo-aircon' }] })),
    ).toMatchObject({ ok: false, code: 'EVENT.ALLOCATION_INVALID' })
    expect(
      await steward.attempt(
        eventsContract,
        'submitCost',
        cost({ activityRule: 'gmv', activities: [{ kind: 'event', id: 'ev-demo-aircon' }, { kind: 'event', id: 'ev-demo-dumplings' }] }),
      ),
    ).toMatchObject({ ok: false, code: 'EVENT.ALLOCATION_NO_GMV' })
    expect(await steward.attempt(eventsContract, 'submitCost', cost({ bearerWeights: [1, 2] }))).toMatchObject({ ok: false, code: 'VALIDATION.FAILED' })
    expect(await world.as('owner').attempt(eventsContract, 'submitCost', cost())).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expect(dumpDatabase(world.platform)).toEqual(before)
  })

  it('lets ops approve a steward’s cost once; never their own; a steward cannot review', async () => {
    const submitted = await world.as('steward').call(eventsContract, 'submitCost', cost())
    expect(await world.as('steward').attempt(eventsContract, 'reviewCost', { costId: submitted.costId, decision: 'approve' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    const own = await world.as('ops').call(eventsContract, 'submitCost', cost({ title: '运营自报' }))
    expect(own.mineToReview).toBe(false)
    expect(await world.as('ops').attempt(eventsContract, 'reviewCost', { costId: own.costId, decision: 'approve' })).toMatchObject({ ok: false, code: 'EVENT.SELF_APPROVAL' })
    expect(await world.as('ops').attempt(eventsContract, 'reviewCost', { costId: submitted.costId, decision: 'reject' })).toMatchObject({ ok: false, code: 'VALIDATION.FAILED', message: '驳回须填写原因' })
    const [a, b] = await Promise.all([
      world.as('ops').attempt(eventsContract, 'reviewCost', { costId: submitted.costId, decision: 'approve' }),
      world.as('ops').attempt(eventsContract, 'reviewCost', { costId: submitted.costId, decision: 'reject', note: '票据不清' }),
    ])
    expect([a, b].filter((r) => r.ok)).toHaveLength(1)
    expect([a, b].filter((r) => !r.ok).map((r) => !r.ok && r.code)).toEqual(['EVENT.COST_NOT_PENDING'])
    const list = await world.as('ops').call(eventsContract, 'costs', {})
    expect(list.costs.find((c) => c.costId === submitted.costId)?.status).toMatch(/approved|rejected/)
    // The steward sees only what they submitted; ops see the seeded ones too.
    const mine = await world.as('steward').call(eventsContract, 'costs', {})
    expect(mine.costs.every((c) => c.submittedBy.includes('张敏'))).toBe(true)
    expect(list.costs.length).toBeGreaterThan(mine.costs.length)
  })
})

describe('activity ROI from the console', () => {
  it('answers for a named community and asks for one otherwise', async () => {
    const world = await createTypedWorld({ seed: true, clockAt: '2026-12-05T06:00:00.000Z' })
    try {
      const roi = await world.asConsole().call(eventsContract, 'roi', { communityId: 'c-sunshine' })
      expect(roi.rows.find((r) => r.ref.id === 'ev-demo-tasting')).toMatchObject({ approvedCostFen: 18000, pendingCostFen: 35400 + 25000, attendees: 8 })
      expect(await world.asConsole().attempt(eventsContract, 'roi', {})).toMatchObject({ ok: false, code: 'VALIDATION.FAILED' })
    } finally {
      world.close()
    }
  })
})
