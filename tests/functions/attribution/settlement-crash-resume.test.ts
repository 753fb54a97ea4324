import { must } from '../../../cloudfunctions/core/kernel/db-result'
import { ATTRIBUTION_COLLECTIONS, type StatementDoc } from '../../../cloudfunctions/core/attribution/attribution.model'
import { statementIdFor } from '../../../cloudfunctions/core/attribution/settlement.service'
import { A, SERVICE, bind, buy, fulfil, hh, openAttributionWorld, settle, type AttributionWorld } from './attribution-test-kit'

/**
 * A settlement that crashed after claiming every open entry of a steward, before writing the totals,
 * left an open statement and no open entry. The next run must still finish it (it used to look only for
 * open entries, so the statement stayed open and the steward was never paid for the month).
 */
describe('steward settlement: a run crashed after claiming the entries is finished by the next run', () => {
  let w: AttributionWorld
  beforeAll(async () => {
    w = await openAttributionWorld('2026-11-03T02:00:00.000Z')
    await bind(w, 'res-crash', hh(1, 1, 3, 1), new Date('2026-10-01T00:00:00.000Z'))
  })
  afterAll(() => w.close())

  it('one final statement with the right figures (8800 × 3% = 264)', async () => {
    const order = await buy(w, 'res-crash', hh(1, 1, 3, 1), SERVICE.cleaning)
    await fulfil(w, order)
    w.clock.set('2026-12-01T02:00:00.000Z')
    const db = w.platform.db
    const id = statementIdFor('2026-11', 'c-sunshine', A.openid)
    const open: Omit<StatementDoc, '_id'> = { stewardOpenid: A.openid, communityId: 'c-sunshine', period: '2026-11', status: 'open', accrualCount: 0, reversalCount: 0, accruedFen: 0, reversedFen: 0, netFen: 0, carryInFen: 0, payableFen: 0, carryOutFen: 0, createdAt: w.clock.now(), finalizedAt: null }
    must(await db.collection(ATTRIBUTION_COLLECTIONS.statements).add({ _id: id, ...open }))
    must(await db.collection(ATTRIBUTION_COLLECTIONS.ledger).where({ stewardOpenid: A.openid, state: 'open' }).update({ state: 'settled', statementId: id }))
    const run = await settle(w, '2026-11')
    expect(run).toMatchObject({ settled: 1, accruedFen: 264, payableFen: 264 })
    const docs = must(await db.collection(ATTRIBUTION_COLLECTIONS.statements).where({ stewardOpenid: A.openid }).get()).data as StatementDoc[]
    expect(docs).toEqual([expect.objectContaining({ _id: id, status: 'final', accrualCount: 1, accruedFen: 264, payableFen: 264 })])
    expect(await settle(w, '2026-11')).toMatchObject({ settled: 0, payableFen: 0 })
  })
})
