import { GROUPBUY_COLLECTIONS, type PickupCodeDoc } from '../../../cloudfunctions/core/groupbuy/groupbuy.model'
import type { ClosingSummary } from '../../../cloudfunctions/contracts/ops-groupbuy.schemas'
import { addResidents, all, createCampaign, entry, openGroupbuyWorld, paidOrder, refundsOf } from './groupbuy-test-kit'

const HOUR = 3600_000

/** docs/ops.md promises a closing run reports what it did: overlapping runs must not both count one order. */
describe('groupbuy: overlapping closing runs report only their own work', () => {
  it('two concurrent groupbuyCloseDue runs: 4 refunds and 2 pickup codes happened, and the two summaries add up to exactly that', async () => {
    const w = await openGroupbuyWorld()
    try {
      const people = await addResidents(w, 4)
      const notFormed = await createCampaign(w, { minParticipants: 10 })
      const formed = await createCampaign(w, { minParticipants: 2, deadlineInHours: 47 })
      const refunded: string[] = []
      for (const p of people) refunded.push(await paidOrder(w, p.openid, p.householdId, notFormed.campaignId, notFormed.skuIds[0]))
      const coded: string[] = []
      for (const p of people.slice(0, 2)) coded.push(await paidOrder(w, p.openid, p.householdId, formed.campaignId, formed.skuIds[0]))

      w.clock.advance(49 * HOUR)
      const replies = await Promise.all([w.console('ops', { action: 'groupbuyCloseDue' }), w.console('ops', { action: 'groupbuyCloseDue' })])
      const runs = replies.map((r) => {
        if (!r.ok) throw new Error(r.code)
        return r.data as ClosingSummary
      })
      const sum = (k: keyof ClosingSummary) => runs.reduce((n, r) => n + r[k], 0)

      // What happened, from the data.
      for (const id of refunded) expect(await refundsOf(w, id)).toHaveLength(1)
      for (const id of refunded) expect(await entry(w, id)).toMatchObject({ stage: 'refund_pending' })
      const claims = await all<PickupCodeDoc>(w, GROUPBUY_COLLECTIONS.pickupCodes)
      expect(claims.map((c) => c.orderId).sort()).toEqual([...coded].sort())

      // What the runs said, together: exactly that.
      expect({ refundsRequested: sum('refundsRequested'), pickupCodesIssued: sum('pickupCodesIssued'), decided: sum('decided'), closed: sum('closed'), errors: sum('errors') }).toEqual({
        refundsRequested: 4,
        pickupCodesIssued: 2,
        decided: 2,
        closed: 2,
        errors: 0,
      })
      expect(sum('formed')).toBe(1)
      expect(sum('failed')).toBe(1)
      // A later run has nothing left to report.
      expect(await w.console('ops', { action: 'groupbuyCloseDue' })).toMatchObject({ ok: true, data: { decided: 0, refundsRequested: 0, pickupCodesIssued: 0, closed: 0 } })
    } finally {
      w.close()
    }
  })
})
