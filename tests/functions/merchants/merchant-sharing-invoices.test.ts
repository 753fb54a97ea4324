import { dumpDatabase, rid } from '../../support/test-platform'
import { applyShareResult } from '../../../cloudfunctions/core/merchants/profit-sharing.service'
import { settleMerchant } from '../../../cloudfunctions/core/merchants/settlement.service'
import { MERCHANT_COLLECTIONS, type MerchantStatementDoc } from '../../../cloudfunctions/core/merchants/merchant.model'
import { must } from '../../../cloudfunctions/core/kernel/db-result'
import { buy, COMMUNITY, deliver, entries, JIEJIA, ODD, OWNER, openMerchantWorld, refund, settleMerchants, shares, statements, XIANFENG, type MerchantWorld } from './merchants-test-kit'

const hook = (w: MerchantWorld) => ({ platform: w.platform, now: () => w.clock.now() })

describe('profit sharing in the sandbox, invoices at the seller, bad input, crashed settlement', () => {
  let w: MerchantWorld
  let orderId: string
  beforeAll(async () => {
    w = await openMerchantWorld('2026-11-03T02:00:00.000Z')
    orderId = await buy(w, OWNER.openid, OWNER.household, ODD)
  })
  afterAll(() => w.close())

  const sweep = async () => {
    const res = await w.timer('merchants', 'profitSharingReconcile')
    if (!res.ok) throw new Error(`sweep failed: ${res.code}`)
    return (res.data as { sharing: { submitted: number; finished: number } }).sharing
  }
  const calls = (api: string) => w.sharing.requests.filter((r) => r.api === api)

  it('paid but not fulfilled: nothing is split', async () => {
    expect(await sweep()).toMatchObject({ submitted: 0 })
    expect(calls('createOrder')).toEqual([])
  })

  it('fulfilled → exactly one split request of the merchant share (11357), however often the timer runs', async () => {
    w.sharing.finishAfterQueries = 1 // WeChat answers PROCESSING first
    await deliver(w, JIEJIA.staffOpenid, orderId)
    expect(await sweep()).toMatchObject({ submitted: 1, finished: 0 })
    expect(await shares(w, orderId)).toEqual([expect.objectContaining({ kind: 'split', state: 'processing', amountFen: 11357, account: JIEJIA.account, outOrderNo: `ps-${orderId}` })])
    expect(await sweep()).toMatchObject({ submitted: 0, finished: 1 })
    await Promise.all([sweep(), sweep()])
    expect(calls('createOrder')).toEqual([{ api: 'createOrder', key: `ps-${orderId}` }])
    expect(w.sharing.balanceOf(JIEJIA.account)).toBe(11357)
  })

  it('refund of a third → exactly one return of the merchant part (3785); replayed answers change nothing', async () => {
    w.sharing.finishAfterQueries = 0
    await refund(w, orderId, 4115)
    await sweep()
    await sweep()
    expect(calls('createReturn')).toHaveLength(1)
    const ret = (await shares(w, orderId)).find((s) => s.kind === 'return')!
    expect(ret).toMatchObject({ amountFen: 3785, state: 'finished', outOrderNo: `ps-${orderId}`, outReturnNo: expect.stringMatching(/^psr-/) })
    // A late or replayed answer (the first PROCESSING, or the final one again) is ignored.
    expect(await applyShareResult(hook(w), ret._id, 'processing', ret.wechatId, null)).toBe(false)
    expect(await applyShareResult(hook(w), ret._id, 'failed', ret.wechatId, 'late')).toBe(false)
    expect((await shares(w, orderId)).find((s) => s.kind === 'return')).toMatchObject({ state: 'finished', failReason: null })
    expect(w.sharing.balanceOf(JIEJIA.account)).toBe(11357 - 3785)
  })

  it('a resident asks for the invoice: it lands in the merchant’s queue with the merchant as issuer, not in anyone else’s', async () => {
    const asked = await w.call('merchants', OWNER.openid, { action: 'requestInvoice', requestId: rid('inv'), orderId, title: { type: 'personal', name: '王先生' } })
    // 12345 paid − 4115 refunded = 8230 on the invoice.
    expect(asked).toMatchObject({ ok: true, data: { invoice: { status: 'requested', amountFen: 8230, issuer: { kind: 'merchant', merchantId: JIEJIA.id, name: '洁家家政服务' } } } })
    const again = await w.call('merchants', OWNER.openid, { action: 'requestInvoice', requestId: rid('inv'), orderId, title: { type: 'personal', name: '王先生' } })
    expect(again).toMatchObject({ ok: false, code: 'MERCHANT.INVOICE_EXISTS' })
    const mine = await w.call('merchants', JIEJIA.staffOpenid, { action: 'invoiceQueue' })
    expect(mine).toMatchObject({ ok: true, data: { issuerName: '洁家家政服务', items: [expect.objectContaining({ orderId })] } })
    const other = await w.call('merchants', XIANFENG.staffOpenid, { action: 'invoiceQueue' })
    expect(other).toMatchObject({ ok: true, data: { items: [] } })
    const property = await w.call('merchants', 'demo-ops', { action: 'invoiceQueue', communityId: COMMUNITY })
    expect(property).toMatchObject({ ok: true, data: { issuerName: '物业公司', items: [] } })
    // Another merchant cannot issue it (not in their queue), the seller can, once.
    const invoiceId = `inv-${orderId}`
    expect(await w.call('merchants', XIANFENG.staffOpenid, { action: 'issueInvoice', requestId: rid('iss'), invoiceId, invoiceNo: '26330000000012' })).toMatchObject({ ok: false, code: 'MERCHANT.INVOICE_NOT_FOUND' })
    expect(await w.call('merchants', JIEJIA.staffOpenid, { action: 'issueInvoice', requestId: rid('iss'), invoiceId, invoiceNo: '26330000000012' })).toMatchObject({ ok: true, data: { invoice: { status: 'issued', invoiceNo: '26330000000012' } } })
    const listed = await w.call('merchants', OWNER.openid, { action: 'invoiceOrders' })
    expect(listed).toMatchObject({ ok: true, data: { items: [expect.objectContaining({ orderId, seller: expect.objectContaining({ name: '洁家家政服务' }), invoice: expect.objectContaining({ status: 'issued' }) })] } })
  })

  it('merchant staff see only their own orders; another merchant’s order reads as missing', async () => {
    const mine = await w.call('merchants', JIEJIA.staffOpenid, { action: 'orders' })
    expect(mine.ok && mine.data.items.map((o: { orderId: string }) => o.orderId)).toEqual([orderId])
    expect(await w.call('merchants', XIANFENG.staffOpenid, { action: 'orders' })).toMatchObject({ ok: true, data: { items: [] } })
    expect(await w.call('merchants', XIANFENG.staffOpenid, { action: 'markDelivered', requestId: rid('d'), orderId })).toMatchObject({ ok: false, code: 'MERCHANT.ORDER_NOT_FOUND' })
    expect(await w.call('merchants', OWNER.openid, { action: 'orders' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
  })

  it('bad input answers a clear code and writes nothing', async () => {
    const before = dumpDatabase(w.platform)
    const bad = [
      await w.console('merchants', { action: 'onboard', requestId: rid('b'), communityId: COMMUNITY, name: '好邻居', licenceNo: '123', contactName: '王', contactPhone: '13900001111', settlementAccount: '1900011111', defaultRateBp: 800, issuesInvoices: true }),
      await w.console('merchants', { action: 'onboard', requestId: rid('b'), communityId: COMMUNITY, name: '好邻居', licenceNo: '91330106MA2K00002X', contactName: '王', contactPhone: '139000011', settlementAccount: '1900011111', defaultRateBp: 800, issuesInvoices: true }),
      await w.console('merchants', { action: 'onboard', requestId: rid('b'), communityId: COMMUNITY, name: '好邻居', licenceNo: '91330106MA2K00002X', contactName: '王', contactPhone: '13900001111', settlementAccount: '1900011111', defaultRateBp: 12_000, issuesInvoices: true }),
      await w.console('merchants', { action: 'setSeller', requestId: rid('b'), communityId: COMMUNITY, kind: 'service', refId: 'svc-pipe', merchantId: JIEJIA.id, rateBp: 500 }),
      await w.console('merchants', { action: 'setSeller', requestId: rid('b'), communityId: COMMUNITY, kind: 'service', refId: 'svc-nope', merchantId: JIEJIA.id }),
      await w.console('merchants', { action: 'setSeller', requestId: rid('b'), communityId: COMMUNITY, kind: 'groupbuy', refId: 'gb-demo-grain', merchantId: 'm-unknown' }),
      await w.console('merchants', { action: 'addStaff', requestId: rid('b'), communityId: COMMUNITY, merchantId: 'm-unknown', openid: 'x-someone', name: '某人' }),
      await w.call('merchants', OWNER.openid, { action: 'requestInvoice', requestId: rid('b'), orderId, title: { type: 'company', name: '某某公司', taxId: '12' } }),
    ]
    expect(bad.map((r) => (r.ok ? 'ok' : r.code))).toEqual([
      'VALIDATION.FAILED',
      'VALIDATION.FAILED',
      'VALIDATION.FAILED',
      'MERCHANT.RATE_REASON_REQUIRED',
      'MERCHANT.LISTING_NOT_FOUND',
      'MERCHANT.NOT_FOUND',
      'MERCHANT.NOT_FOUND',
      'VALIDATION.FAILED',
    ])
    for (const r of bad) if (!r.ok) expect(r.message).toMatch(/[\u4e00-\u9fa5]/)
    expect(dumpDatabase(w.platform)).toEqual(before)
  })

  it('a settlement that crashed midway (statement open, entries claimed) is finished by the next run: one statement, right figures', async () => {
    w.clock.set('2026-12-01T02:00:00.000Z')
    const db = w.platform.db
    // Crash after creating the open statement and claiming the entries, before the totals were written.
    const { merchantStatementIdFor } = await import('../../../cloudfunctions/core/merchants/settlement.service')
    const id = merchantStatementIdFor('2026-11', JIEJIA.id)
    must(await db.collection(MERCHANT_COLLECTIONS.statements).add({ _id: id, merchantId: JIEJIA.id, period: '2026-11', status: 'open', saleCount: 0, refundCount: 0, salesFen: 0, refundsFen: 0, commissionFen: 0, netFen: 0, carryInFen: 0, payableFen: 0, carryOutFen: 0, createdAt: w.clock.now(), finalizedAt: null }))
    must(await db.collection(MERCHANT_COLLECTIONS.ledger).where({ merchantId: JIEJIA.id, state: 'open' }).update({ state: 'settled', statementId: id }))
    expect((await statements(w, JIEJIA.id))[0]).toMatchObject({ status: 'open' })
    await settleMerchants(w, '2026-11')
    // Sale 12345 (merchant 11357, 扣点 988) − one third refunded (3785, 330): net 7572, 扣点 658. 分账 paid
    // 11357 and took back 3785 = 7572: the statement pays nothing more.
    const all = await statements(w, JIEJIA.id)
    expect(all).toHaveLength(1)
    expect(all[0]).toMatchObject({ status: 'final', saleCount: 1, refundCount: 1, netFen: 7572, commissionFen: 658, viaSharingFen: 7572, payableFen: 0, carryOutFen: 0 })
    expect(await settleMerchant(hook(w), '2026-11', JIEJIA.id)).toBeNull()
    expect((await entries(w, orderId)).every((e) => e.statementId === id)).toBe(true)
    expect(((await statements(w, JIEJIA.id)) as MerchantStatementDoc[])[0].finalizedAt).toEqual(all[0].finalizedAt)
  })
})
