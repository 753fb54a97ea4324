import { dumpDatabase, rid } from '../../support/test-platform'
import { billDoc, COMMUNITY, FAMILY, openFeesWorld, OWNER, payAndConfirm, unpaidIds, type FeesWorld } from './fees-test-kit'

const company = { type: 'company', name: '杭州阳光科技有限公司', taxId: '91330100MA2H3X4Y5Z' }

describe('invoice requests', () => {
  let world: FeesWorld
  let paid: string[]
  let unpaid: string
  beforeAll(async () => {
    world = await openFeesWorld()
    const ids = await unpaidIds(world)
    paid = ids.slice(0, 2)
    unpaid = ids[2]
    await payAndConfirm(world, paid)
  })
  afterAll(() => world.close())

  it('an invoice for an unpaid bill is refused and nothing is written', async () => {
    const before = dumpDatabase(world.platform)
    const res = await world.call('fees', OWNER, { action: 'requestInvoice', requestId: rid('inv'), billIds: [paid[0], unpaid], title: { type: 'personal', name: '王先生' } })
    expect(res).toMatchObject({ ok: false, code: 'FEE.NOT_PAID' })
    expect(dumpDatabase(world.platform)).toEqual(before)
  })

  it('only the payer may ask, with a valid title', async () => {
    expect(await world.call('fees', FAMILY, { action: 'requestInvoice', requestId: rid('inv'), billIds: paid, title: { type: 'personal', name: '王太太' } })).toMatchObject({ code: 'FEE.NOT_PAYER' })
    expect(await world.call('fees', 'demo-visitor', { action: 'requestInvoice', requestId: rid('inv'), billIds: paid, title: { type: 'personal', name: 'x' } })).toMatchObject({ code: 'AUTH.FORBIDDEN' })
    const noTaxId = await world.call('fees', OWNER, { action: 'requestInvoice', requestId: rid('inv'), billIds: paid, title: { type: 'company', name: '杭州阳光科技有限公司' } })
    expect(noTaxId).toMatchObject({ code: 'VALIDATION.FAILED' })
    expect(noTaxId.issues.map((i: any) => i.path)).toContain('title.taxId')
  })

  it('the payer requests a company invoice; each bill goes on one invoice only; ops list and issue it', async () => {
    const res = await world.call('fees', OWNER, { action: 'requestInvoice', requestId: rid('inv'), billIds: paid, title: company, email: 'finance@example.com' })
    expect(res.ok).toBe(true)
    const invoice = res.data.invoice
    const amount = (await billDoc(world, paid[0])).paidFen + (await billDoc(world, paid[1])).paidFen
    expect(invoice).toMatchObject({ status: 'requested', amountFen: amount, title: company, email: 'finance@example.com' })
    expect((await billDoc(world, paid[0])).invoiceId).toBe(invoice.invoiceId)

    expect(await world.call('fees', OWNER, { action: 'requestInvoice', requestId: rid('inv'), billIds: [paid[1]], title: { type: 'personal', name: '王先生' } })).toMatchObject({ code: 'FEE.ALREADY_INVOICED' })
    const mine = await world.call('fees', FAMILY, { action: 'invoices' })
    expect(mine.data.items.map((i: any) => i.invoiceId)).toEqual([invoice.invoiceId])
    const receipt = await world.call('fees', OWNER, { action: 'receipt', receiptId: (await billDoc(world, paid[0])).paidOrderId })
    expect(receipt.data.receipt.lines.every((l: any) => l.invoiceStatus === 'requested')).toBe(true)

    const listed = await world.console('ops', { action: 'listFeeInvoices', communityId: COMMUNITY })
    expect(listed.data.items.map((i: any) => i.invoiceId)).toContain(invoice.invoiceId)
    const issued = await world.console('ops', { action: 'markFeeInvoiceIssued', invoiceId: invoice.invoiceId, invoiceNo: '044001900111-12345678' })
    expect(issued.data.invoice).toMatchObject({ status: 'issued', invoiceNo: '044001900111-12345678' })
    // Issuing again with the same number is a no-op; with another number it is refused.
    expect((await world.console('ops', { action: 'markFeeInvoiceIssued', invoiceId: invoice.invoiceId, invoiceNo: '044001900111-12345678' })).ok).toBe(true)
    expect(await world.console('ops', { action: 'markFeeInvoiceIssued', invoiceId: invoice.invoiceId, invoiceNo: 'other' })).toMatchObject({ code: 'FEE.INVOICE_ISSUED' })
    expect((await world.console('ops', { action: 'listFeeInvoices', communityId: COMMUNITY })).data.items).toEqual([])
    // A resident cannot issue invoices.
    expect(await world.call('ops', OWNER, { action: 'markFeeInvoiceIssued', requestId: rid('x'), invoiceId: invoice.invoiceId, invoiceNo: 'x' })).toMatchObject({ code: 'AUTH.FORBIDDEN' })
  })
})
