import { handOverCheckoutReads, takeCheckoutReads } from '../../../cloudfunctions/core/groupbuy/checkout-reads'
import type { CampaignDoc, SkuDoc } from '../../../cloudfunctions/core/groupbuy/groupbuy.model'

const campaign = { _id: 'gb-1' } as CampaignDoc
const sku = (id: string, campaignId = 'gb-1') => ({ _id: id, campaignId }) as SkuDoc

/** The reserve hook may take over a checkout's reads only in the same call, once, and only when they cover the order. */
describe('checkout reads handed to the reserve hook', () => {
  it('are taken once, by the call that handed them over', () => {
    const call = {}
    handOverCheckoutReads(call, campaign, [sku('gb-1_s1'), sku('gb-1_s2')])
    expect(takeCheckoutReads({}, ['gb-1_s1'])).toBeUndefined()
    expect(takeCheckoutReads(call, ['gb-1_s2', 'gb-1_s1', 'gb-1_s2'])).toEqual({ campaign, skus: [sku('gb-1_s2'), sku('gb-1_s1')] })
    expect(takeCheckoutReads(call, ['gb-1_s1'])).toBeUndefined()
  })

  it('are refused when they do not cover every SKU of the order, or a SKU belongs elsewhere: the hook then reads', () => {
    const missing = {}
    handOverCheckoutReads(missing, campaign, [sku('gb-1_s1')])
    expect(takeCheckoutReads(missing, ['gb-1_s1', 'gb-1_s9'])).toBeUndefined()
    const foreign = {}
    handOverCheckoutReads(foreign, campaign, [sku('gb-2_s1', 'gb-2')])
    expect(takeCheckoutReads(foreign, ['gb-2_s1'])).toBeUndefined()
  })
})
