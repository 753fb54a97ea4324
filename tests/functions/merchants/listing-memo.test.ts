import { must } from '../../../cloudfunctions/core/kernel/db-result'
import type { OrderDoc } from '../../../cloudfunctions/core/orders'
import { MERCHANT_COLLECTIONS } from '../../../cloudfunctions/core/merchants/merchant.model'
import { profitSharingTerms } from '../../../cloudfunctions/core/merchants/payment-terms.rule'
import { rid } from '../../support/test-platform'
import { COMMUNITY, JIEJIA, ODD, openMerchantWorld, type MerchantWorld } from './merchants-test-kit'

/**
 * The listing memo behind the merchants' payment terms (payment-terms.rule.ts): a prepay burst reads a
 * listing once per 5 s per instance; setSeller in this instance is seen at once; a change this instance was
 * not told of (another instance's setSeller) is seen once the 5 s are up. Only `performance` is faked, the
 * memo's clock, so the world's own timers run as usual.
 */
describe('merchants: the 5 s listing memo of the payment terms', () => {
  let w: MerchantWorld
  beforeAll(async () => {
    w = await openMerchantWorld('2026-11-03T02:00:00.000Z')
    jest.useFakeTimers({ doNotFake: ['Date', 'hrtime', 'nextTick', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] })
  }, 60_000)
  afterAll(() => {
    jest.useRealTimers()
    w.close()
  })

  const order = { _id: 'od-memo', type: 'service', lines: [{ refType: 'service_item', refId: ODD.id, title: '家电深度清洗', quantity: 1, unitPriceFen: ODD.fen }] } as unknown as OrderDoc
  /** The terms for an order of the listed service, and how many database calls finding them took. */
  async function terms() {
    const engine = w.platform.local.engine
    engine.resetCallCount()
    const value = await profitSharingTerms(w.platform, order)
    return { value, calls: engine.callCount }
  }

  it('reads the listing once, answers from the memo for 5 s, and reads afresh after', async () => {
    // openMerchantWorld named 洁家 the seller, which forgot the listing: the first ask reads it.
    expect(await terms()).toEqual({ value: { profitSharing: true }, calls: 1 })
    expect(await terms()).toEqual({ value: { profitSharing: true }, calls: 0 })
    // Another instance makes the property company the seller: this one is not told and keeps its memo.
    must(await w.platform.db.collection(MERCHANT_COLLECTIONS.listings).doc(`service-${ODD.id}`).update({ sellerKind: 'property', merchantId: null }))
    jest.advanceTimersByTime(4_900)
    expect(await terms()).toEqual({ value: { profitSharing: true }, calls: 0 })
    jest.advanceTimersByTime(200)
    expect(await terms()).toEqual({ value: { profitSharing: false }, calls: 1 })
    expect(await terms()).toEqual({ value: { profitSharing: false }, calls: 0 })
  })

  it('setSeller in this instance is seen by the next prepay at once', async () => {
    expect(await terms()).toEqual({ value: { profitSharing: false }, calls: 0 })
    const set = await w.console('merchants', { action: 'setSeller', requestId: rid('seller'), communityId: COMMUNITY, kind: 'service', refId: ODD.id, merchantId: JIEJIA.id })
    expect(set).toMatchObject({ ok: true })
    expect(await terms()).toEqual({ value: { profitSharing: true }, calls: 1 })
  })
})
