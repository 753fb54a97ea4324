import { must } from '../../../cloudfunctions/core/kernel/db-result'
import { dumpDatabase, rid } from '../../support/test-platform'
import { billDoc, billsWhere, FAMILY, HOUSEHOLD, openFeesWorld, OWNER, payAndConfirm, unpaidIds, type FeesWorld } from './fees-test-kit'

describe('paying bills', () => {
  let world: FeesWorld
  beforeEach(async () => {
    world = await openFeesWorld()
  })
  afterEach(() => world.close())

  it('shows the owner’s unpaid bills by household and item, with late fees and totals', async () => {
    const res = await world.call('fees', OWNER, { action: 'unpaid' })
    expect(res.ok).toBe(true)
    const [h] = res.data.households
    expect(h).toMatchObject({ householdId: HOUSEHOLD, label: '阳光花园 1栋1单元101', billCount: 3 })
    expect(h.items.map((g: any) => [g.itemName, g.bills.map((b: any) => b.period)])).toEqual([
      ['物业费', ['2026-10', '2026-11']],
      ['停车费', ['2026-11']],
    ])
    // 2026-11-22 10:00 in Shanghai: October's bill is 38 days late, November's 7.
    const [oct, nov] = h.items[0].bills
    expect(oct).toMatchObject({ principalFen: 22_250, overdueDays: 38, lateFeeFen: Math.floor((22_250 * 5 * 38) / 10_000) })
    expect(nov).toMatchObject({ overdueDays: 7, lateFeeFen: Math.floor((22_250 * 5 * 7) / 10_000) })
    const sum = h.items.flatMap((g: any) => g.bills).reduce((s: number, b: any) => s + b.amountFen, 0)
    expect(h.totalFen).toBe(sum)
    expect(res.data.totalFen).toBe(sum)
  })

  it('pays several bills in one order; the order carries exactly the amounts the screen showed', async () => {
    const shown = await world.call('fees', OWNER, { action: 'unpaid' })
    const bills = shown.data.households[0].items.flatMap((g: any) => g.bills)
    const res = await world.call('fees', OWNER, { action: 'pay', requestId: rid('pay'), billIds: bills.map((b: any) => b.billId) })
    expect(res.ok).toBe(true)
    expect(res.data.amountFen).toBe(shown.data.totalFen)
    expect(res.data.bills).toEqual(expect.arrayContaining(bills.map((b: any) => ({ billId: b.billId, amountFen: b.amountFen }))))
    // While the order is open the bills show as being paid.
    const during = await world.call('fees', OWNER, { action: 'unpaid' })
    expect(during.data.households[0].items[0].bills[0].payingOrderId).toBe(res.data.orderId)

    const { reply } = await world.sandbox.confirm(res.data.payment.prepayId, OWNER)
    expect(reply.errcode).toBe(0)
    for (const b of bills) expect(await billDoc(world, b.billId)).toMatchObject({ status: 'paid', paidOrderId: res.data.orderId, payerOpenid: OWNER, paidFen: b.amountFen, lockOrderId: null })
    const after = await world.call('fees', OWNER, { action: 'unpaid' })
    expect(after.data.households[0]).toMatchObject({ billCount: 0, totalFen: 0 })

    const history = await world.call('fees', FAMILY, { action: 'history' })
    expect(history.data.items[0]).toMatchObject({ receiptId: res.data.orderId, totalFen: shown.data.totalFen, billCount: 3 })
    const receipt = await world.call('fees', OWNER, { action: 'receipt', receiptId: res.data.orderId })
    expect(receipt.data.receipt).toMatchObject({ payerIsMe: true, totalFen: shown.data.totalFen })
    expect(receipt.data.receipt.lines.map((l: any) => l.itemName).sort()).toEqual(['停车费', '物业费', '物业费'])
    expect(receipt.data.receipt.principalFen + receipt.data.receipt.lateFeeFen).toBe(shown.data.totalFen)
  })

  it('paying a bill twice is refused with FEE.ALREADY_PAID', async () => {
    const [first] = await unpaidIds(world)
    await payAndConfirm(world, [first])
    const again = await world.call('fees', OWNER, { action: 'pay', requestId: rid('pay'), billIds: [first] })
    expect(again).toMatchObject({ ok: false, code: 'FEE.ALREADY_PAID' })
    // Mixed with an unpaid one, still refused, and nothing is locked.
    const [other] = await unpaidIds(world)
    const mixed = await world.call('fees', FAMILY, { action: 'pay', requestId: rid('pay'), billIds: [other, first] })
    expect(mixed).toMatchObject({ ok: false, code: 'FEE.ALREADY_PAID' })
    expect((await billDoc(world, other)).lockOrderId).toBeNull()
  })

  it('paying a bill of a household you do not belong to is AUTH.FORBIDDEN, and writes nothing', async () => {
    const [neighbour] = await billsWhere(world, { householdId: 'h-1-1-102', status: 'unpaid' })
    const before = dumpDatabase(world.platform)
    const res = await world.call('fees', OWNER, { action: 'pay', requestId: rid('pay'), billIds: [neighbour._id] })
    expect(res).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    // A steward of that building may read it but not pay it either.
    expect(await world.call('fees', 'demo-steward', { action: 'pay', requestId: rid('pay'), billIds: [neighbour._id] })).toMatchObject({ code: 'AUTH.FORBIDDEN' })
    expect(dumpDatabase(world.platform)).toEqual(before)
  })

  it('two payments racing for the same bill: one order holds it, the other is refused', async () => {
    const ids = await unpaidIds(world)
    const [a, b] = await Promise.all([
      world.call('fees', OWNER, { action: 'pay', requestId: rid('race'), billIds: ids }),
      world.call('fees', FAMILY, { action: 'pay', requestId: rid('race'), billIds: [ids[0]] }),
    ])
    const winners = [a, b].filter((r) => r.ok)
    const losers = [a, b].filter((r) => !r.ok)
    expect(winners).toHaveLength(1)
    expect(losers[0].code).toBe('FEE.PAYMENT_IN_PROGRESS')
    // The loser's draft order was removed; the bill is locked to the winner only.
    expect((await billDoc(world, ids[0])).lockOrderId).toBe(winners[0].data.orderId)
    const orders = await world.call('orders', FAMILY, { action: 'list' })
    expect(orders.data.items.filter((o: any) => o.type === 'fee')).toHaveLength(1)
  })

  it('an unpaid order that expires gives its bills back', async () => {
    const ids = await unpaidIds(world)
    const res = await world.call('fees', OWNER, { action: 'pay', requestId: rid('pay'), billIds: ids })
    expect(res.ok).toBe(true)
    expect(await world.call('fees', FAMILY, { action: 'pay', requestId: rid('pay'), billIds: ids })).toMatchObject({ code: 'FEE.PAYMENT_IN_PROGRESS' })
    world.clock.advance(16 * 60_000)
    const expired = await world.timer('orders', 'expireUnpaid')
    expect(expired.ok).toBe(true)
    expect((await billDoc(world, ids[0])).lockOrderId).toBeNull()
    const retry = await world.call('fees', FAMILY, { action: 'pay', requestId: rid('pay'), billIds: ids })
    expect(retry.ok).toBe(true)
  })

  it('across Shanghai midnight the amount shown and the amount charged move together', async () => {
    const [oct] = await unpaidIds(world)
    world.clock.set('2026-11-22T15:59:00.000Z') // 23:59 in Shanghai
    const before = await world.call('fees', OWNER, { action: 'unpaid' })
    world.clock.set('2026-11-22T16:00:00.000Z') // 00:00 on the 23rd
    const after = await world.call('fees', OWNER, { action: 'unpaid' })
    const pick = (r: any) => r.data.households[0].items[0].bills[0]
    expect(pick(after).overdueDays).toBe(pick(before).overdueDays + 1)
    const paid = await world.call('fees', OWNER, { action: 'pay', requestId: rid('pay'), billIds: [oct] })
    expect(paid.data.amountFen).toBe(pick(after).amountFen)
  })

  it('refuses bad requests before writing: unknown bill, bills of two households, no bills', async () => {
    const before = dumpDatabase(world.platform)
    expect(await world.call('fees', OWNER, { action: 'pay', requestId: rid('pay'), billIds: ['fb-nope'] })).toMatchObject({ code: 'FEE.BILL_NOT_FOUND' })
    expect(await world.call('fees', OWNER, { action: 'pay', requestId: rid('pay'), billIds: [] })).toMatchObject({ code: 'VALIDATION.FAILED' })
    expect(await world.call('fees', OWNER, { action: 'pay', billIds: await unpaidIds(world) })).toMatchObject({ code: 'VALIDATION.FAILED' })
    const [neighbour] = await billsWhere(world, { householdId: 'h-1-1-102', status: 'unpaid' })
    const [mine] = await unpaidIds(world)
    // A bill of a household the caller does not belong to is refused as such, whatever else is asked.
    expect(await world.call('fees', OWNER, { action: 'pay', requestId: rid('pay'), billIds: [mine, neighbour._id] })).toMatchObject({ code: 'AUTH.FORBIDDEN' })
    expect(dumpDatabase(world.platform)).toEqual(before)
  })

  it('refuses bills of two of the caller\'s own households in one payment', async () => {
    // The owner also becomes a member of the neighbouring flat: both bills are theirs, one order may hold only one household.
    must(await world.platform.db.collection('residents').add({ _id: 'r-owner-102', openid: OWNER, householdId: 'h-1-1-102', communityId: 'c-sunshine', role: 'family', status: 'active', boundAt: new Date() }))
    const [neighbour] = await billsWhere(world, { householdId: 'h-1-1-102', status: 'unpaid' })
    const [mine] = await unpaidIds(world)
    const before = dumpDatabase(world.platform)
    expect(await world.call('fees', OWNER, { action: 'pay', requestId: rid('pay'), billIds: [mine, neighbour._id] })).toMatchObject({ code: 'FEE.ONE_HOUSEHOLD' })
    expect(dumpDatabase(world.platform)).toEqual(before)
    must(await world.platform.db.collection('residents').doc('r-owner-102').remove())
  })
})
