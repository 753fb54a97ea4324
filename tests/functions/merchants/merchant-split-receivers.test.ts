import { rid } from '../../support/test-platform'
import { must } from '../../../cloudfunctions/core/kernel/db-result'
import { MERCHANT_COLLECTIONS, type MerchantDoc } from '../../../cloudfunctions/core/merchants/merchant.model'
import type { SandboxPayments } from '../../../cloudfunctions/platform/local/sandbox-pay/sandbox-payments'
import { SERVICE, orderDoc } from '../attribution/attribution-test-kit'
import { createCampaign, placeOrder as placeGroupbuyOrder } from '../groupbuy/groupbuy-test-kit'
import { profitSharingTerms } from '../../../cloudfunctions/core/merchants/payment-terms.rule'
import { buy, COMMUNITY, deliver, JIEJIA, ODD, OWNER, openMerchantWorld, refund, XIANFENG, type MerchantWorld } from './merchants-test-kit'

const NEW_MERCHANT = { name: '安心送水服务部', licenceNo: '91330106MA2K00077Q', contactName: '钱师傅', contactPhone: '13900001234', settlementAccount: '1900099999', defaultRateBp: 500, issuesInvoices: false }

async function merchantDoc(w: MerchantWorld, id: string): Promise<MerchantDoc> {
  return (must(await w.platform.db.collection(MERCHANT_COLLECTIONS.merchants).doc(id).get()).data as MerchantDoc[])[0]
}

describe('profit sharing at payment, 分账 receivers, and the split on the order', () => {
  let w: MerchantWorld
  beforeAll(async () => {
    w = await openMerchantWorld('2026-11-03T02:00:00.000Z')
  })
  afterAll(() => w.close())
  const payments = () => w.platform.ports.payments as SandboxPayments
  const sweep = async () => {
    const res = await w.timer('merchants', 'profitSharingReconcile')
    if (!res.ok) throw new Error(`sweep failed: ${res.code}`)
    return res.data as { receivers: { added: number; waiting: number; failed: number }; sharing: { submitted: number; waiting: number } }
  }

  it('a merchant’s sale is paid with settle_info.profit_sharing = true; a property-company sale without it', async () => {
    const merchantSale = await buy(w, OWNER.openid, OWNER.household, ODD)
    const propertySale = await buy(w, OWNER.openid, OWNER.household, SERVICE.pipe)
    const body = (orderId: string) => payments().store.tx(orderId)?.request
    // The v3 JSAPI body as WeChat Pay defines it, amounts in fen, time_expire in Beijing time.
    expect(body(merchantSale)).toEqual({
      appid: expect.any(String),
      mchid: expect.any(String),
      description: '家电深度清洗',
      out_trade_no: merchantSale,
      time_expire: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/),
      notify_url: expect.any(String),
      amount: { total: ODD.fen, currency: 'CNY' },
      payer: { openid: OWNER.openid },
      settle_info: { profit_sharing: true },
    })
    expect(body(propertySale)?.settle_info).toEqual({ profit_sharing: false })
    expect((await orderDoc(w, merchantSale)).prepay).toMatchObject({ profitSharing: true })
    expect((await orderDoc(w, propertySale)).prepay).toMatchObject({ profitSharing: false })
  })

  it('the order carries its split (gross = merchant + property + steward), written with the ledger, and follows refunds', async () => {
    const orderId = await buy(w, OWNER.openid, OWNER.household, ODD)
    // 12345 fen at 8 % 扣点 and 5 % steward commission: 11357 + 371 + 617 (docs/merchants.md).
    const rule = { seller: 'merchant', merchantId: JIEJIA.id, sellerName: '洁家家政服务', rateBp: 800, rateReason: null, stewardRateBp: 500 }
    expect((await orderDoc(w, orderId)).split).toEqual({ gross: 12345, merchant: 11357, property: 371, steward: 617, refunded: 0, rule })
    await refund(w, orderId, 4115)
    // After a third went back: merchant 11357 − 3785, steward 617 − 206, property 371 − 124.
    expect((await orderDoc(w, orderId)).split).toEqual({ gross: 8230, merchant: 7572, property: 247, steward: 411, refunded: 4115, rule })
    await refund(w, orderId)
    expect((await orderDoc(w, orderId)).split).toEqual({ gross: 0, merchant: 0, property: 0, steward: 0, refunded: 12345, rule })
    // A property-company sale: all of it is the property company's, minus the steward.
    const own = await buy(w, OWNER.openid, OWNER.household, SERVICE.pipe)
    const s = (await orderDoc(w, own)).split!
    expect(s).toMatchObject({ merchant: 0, rule: { seller: 'property', rateBp: 10_000, merchantId: null } })
    expect(s.property + s.steward).toBe(s.gross)
  })

  it('reading an order shows its split: the seller’s staff see 卖方/扣点/应结, ops also how the 扣点 divides; others nothing', async () => {
    w.clock.advance(60_000) // the newest paid order heads the ops list
    const orderId = await buy(w, OWNER.openid, OWNER.household, ODD)
    const staff = await w.call('merchants', JIEJIA.staffOpenid, { action: 'orderSplit', orderId })
    expect(staff).toMatchObject({
      ok: true,
      data: { split: { orderId, seller: { kind: 'merchant', name: '洁家家政服务' }, rateBp: 800, grossFen: 12345, merchantFen: 11357, commissionFen: 988, propertyFen: null, stewardFen: null } },
    })
    const ops = await w.call('merchants', 'demo-ops', { action: 'orderSplit', orderId, communityId: COMMUNITY })
    expect(ops).toMatchObject({ ok: true, data: { split: { merchantFen: 11357, commissionFen: 988, propertyFen: 371, stewardFen: 617, stewardRateBp: 500 } } })
    expect(await w.call('merchants', XIANFENG.staffOpenid, { action: 'orderSplit', orderId })).toMatchObject({ ok: false, code: 'MERCHANT.ORDER_NOT_FOUND' })
    const listed = await w.call('merchants', 'demo-ops', { action: 'splits', communityId: COMMUNITY, limit: 50 })
    expect(listed.ok && listed.data.items[0]).toMatchObject({ orderId, merchantFen: 11357 })
  })

  it('onboarding registers the settlement account as a receiver (MERCHANT_ID, full name, SUPPLIER), once', async () => {
    const before = w.sharing.requests.filter((r) => r.api === 'addReceiver').length
    const res = await w.call('merchants', 'demo-ops', { action: 'onboard', requestId: rid('onb'), communityId: COMMUNITY, ...NEW_MERCHANT })
    expect(res).toMatchObject({ ok: true, data: { created: true, merchant: { receiver: { state: 'added', account: '1900099999', lastError: null } } } })
    expect(w.sharing.store.receiver('1900099999')?.request).toEqual({ type: 'MERCHANT_ID', account: '1900099999', name: '安心送水服务部', relation_type: 'SUPPLIER' })
    // The same data again (contact changed): no second registration.
    const again = await w.call('merchants', 'demo-ops', { action: 'onboard', requestId: rid('onb'), communityId: COMMUNITY, ...NEW_MERCHANT, contactName: '钱大伟' })
    expect(again).toMatchObject({ ok: true, data: { created: false, merchant: { receiver: { state: 'added' } } } })
    expect(w.sharing.requests.filter((r) => r.api === 'addReceiver').length).toBe(before + 1)
  })

  it('WeChat unreachable at onboarding → pending on the ops page, registered by the timer; a refusal → failed with the reason, then 重新登记', async () => {
    w.sharing.unreachable = true
    const res = await w.call('merchants', 'demo-ops', { action: 'onboard', requestId: rid('onb'), communityId: COMMUNITY, ...NEW_MERCHANT, settlementAccount: '1900088888' })
    w.sharing.unreachable = false
    expect(res).toMatchObject({ ok: true, data: { merchant: { settlementAccount: '1900088888', receiver: { state: 'pending', attempts: 1, lastError: expect.stringContaining('ETIMEDOUT') } } } })
    const id = res.ok ? res.data.merchant.merchantId : ''
    const listed = await w.call('merchants', 'demo-ops', { action: 'list', communityId: COMMUNITY })
    expect(listed.ok && listed.data.merchants.find((m: { merchantId: string }) => m.merchantId === id)).toMatchObject({ receiver: { state: 'pending' } })
    expect((await sweep()).receivers.added).toBeGreaterThanOrEqual(1)
    expect((await merchantDoc(w, id)).receiver).toMatchObject({ state: 'added', account: '1900088888', attempts: 2 })

    w.sharing.refusedReceivers.add('1900077777')
    const refused = await w.call('merchants', 'demo-ops', { action: 'onboard', requestId: rid('onb'), communityId: COMMUNITY, ...NEW_MERCHANT, settlementAccount: '1900077777' })
    expect(refused).toMatchObject({ ok: true, data: { merchant: { receiver: { state: 'failed', lastError: expect.stringContaining('INVALID_REQUEST') } } } })
    // The timer does not hammer a refused receiver; ops retry after fixing it with WeChat Pay.
    await sweep()
    expect((await merchantDoc(w, id)).receiver).toMatchObject({ state: 'failed' })
    w.sharing.refusedReceivers.delete('1900077777')
    const retried = await w.call('merchants', 'demo-ops', { action: 'retryReceiver', requestId: rid('retry'), communityId: COMMUNITY, merchantId: id })
    expect(retried).toMatchObject({ ok: true, data: { merchant: { receiver: { state: 'added', account: '1900077777', lastError: null } } } })
  })

  it('a fulfilled sale’s split request names the registered receiver; WeChat refuses a split naming an unregistered one', async () => {
    const orderId = await buy(w, OWNER.openid, OWNER.household, ODD)
    await deliver(w, JIEJIA.staffOpenid, orderId)
    await sweep()
    const stored = w.sharing.store.order(`ps-${orderId}`)!
    expect(JSON.parse(stored.body)).toEqual({
      transaction_id: expect.any(String),
      out_order_no: `ps-${orderId}`,
      receivers: [{ type: 'MERCHANT_ID', account: JIEJIA.account, amount: 11357, description: '商户货款分账' }],
      unfreeze_unsplit: true,
    })
    expect(w.sharing.store.receiver(JIEJIA.account)).toBeDefined()
    const { transaction_id } = JSON.parse(stored.body)
    await expect(
      w.sharing.createOrder({ transaction_id, out_order_no: 'ps-stranger', receivers: [{ type: 'MERCHANT_ID', account: '1900000000', amount: 1, description: 'x' }], unfreeze_unsplit: true }),
    ).rejects.toThrow('未添加')
  })

  it('WeChat refuses to split a payment made without profit sharing (the seller was named after payment): it is left to the statement', async () => {
    // 管道疏通 is sold by the property company at payment time; the seller changes before fulfilment.
    const orderId = await buy(w, OWNER.openid, OWNER.household, SERVICE.pipe)
    const tx = payments().store.tx(orderId)!
    await expect(
      w.sharing.createOrder({ transaction_id: tx.transactionId!, out_order_no: `ps-${orderId}`, receivers: [{ type: 'MERCHANT_ID', account: JIEJIA.account, amount: 100, description: 'x' }], unfreeze_unsplit: true }),
    ).rejects.toThrow('未指定分账')
  })

  it('a group buy sold by a merchant is paid with profit sharing: the rule reads the campaign off the order, or off its entry for older orders', async () => {
    const { campaignId, skuIds } = await createCampaign(w, { minParticipants: 1, skus: [{ title: '鲜丰 草莓 2斤', priceFen: 4990, stock: 10, limitPerHousehold: 2 }] })
    const named = await w.console('merchants', { action: 'setSeller', requestId: rid('seller'), communityId: COMMUNITY, kind: 'groupbuy', refId: campaignId, merchantId: XIANFENG.id })
    expect(named.ok).toBe(true)
    const placed = await placeGroupbuyOrder(w, OWNER.openid, OWNER.household, campaignId, [{ skuId: skuIds[0], quantity: 1 }])
    if (!placed.ok) throw new Error(`group-buy order: ${placed.code}`)
    const orderId = (placed.data as { order: { orderId: string } }).order.orderId
    const order = await orderDoc(w, orderId)
    expect(order).toMatchObject({ offerId: campaignId, prepay: { profitSharing: true } })
    expect(payments().store.tx(orderId)?.request).toMatchObject({ settle_info: { profit_sharing: true } })
    // An order written before group-buy orders named their campaign: the rule finds it through the entry.
    const { offerId: _dropped, ...older } = order
    expect(await profitSharingTerms(w.platform, older)).toEqual({ profitSharing: true })
  })
})
