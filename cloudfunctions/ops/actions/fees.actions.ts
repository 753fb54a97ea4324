import type { opsFeesActions } from '../../contracts/ops-fees.schemas'
import { opsAccess } from '../../core/auth/caller-access'
import { archiveFeeItem, listFeeItems, upsertFeeItem } from '../../core/fees/fee-items.service'
import { importMeterReadings } from '../../core/fees/meter-import.service'
import { runBillsFor } from '../../core/fees/bill-run.service'
import { loadRun } from '../../core/fees/bill-run.store'
import { billRunView } from '../../core/fees/bill-run.view'
import { listInvoices, loadInvoice, markInvoiceIssued } from '../../core/fees/invoice.service'
import { collectionReport } from '../../core/fees/collection-report.query'
import { periodOf } from '../../core/fees/period'
import type { OpsHandlers } from './ops-action'

/** A console call stays well inside the ops function's time limit; ops repeat runBills until status is done. */
const OPS_RUN_BUDGET_MS = 8_000

/** Fee items, meter readings, bill runs, invoices and the collection report (docs/ops.md, "物业缴费"). */
export const feesOpsHandlers: OpsHandlers<typeof opsFeesActions> = {
  upsertFeeItem: async (input, ctx) => {
    await opsAccess(ctx, input.communityId)
    const result = await upsertFeeItem(ctx.platform.db, input, ctx.now())
    ctx.platform.logger.info('fees.item_upserted', { communityId: input.communityId, code: input.code, created: result.created })
    return result
  },
  archiveFeeItem: async (input, ctx) => {
    await opsAccess(ctx, input.communityId)
    return archiveFeeItem(ctx.platform.db, input.communityId, input.code, ctx.now())
  },
  listFeeItems: async (input, ctx) => {
    await opsAccess(ctx, input.communityId)
    return listFeeItems(ctx.platform.db, input.communityId, input.includeArchived)
  },
  importMeterReadings: async (input, ctx) => {
    await opsAccess(ctx, input.communityId)
    const summary = await importMeterReadings(ctx.platform.db, { ...input, now: ctx.now() })
    ctx.platform.logger.info('fees.readings_imported', { communityId: input.communityId, code: input.code, period: input.period, imported: summary.imported, rejected: summary.rejected.length })
    return summary
  },
  runBills: async (input, ctx) => {
    await opsAccess(ctx, input.communityId)
    const period = input.period ?? periodOf(ctx.now())
    const { run, busy } = await runBillsFor(ctx.platform, input.communityId, period, input.restart, { budgetMs: OPS_RUN_BUDGET_MS })
    return { run: billRunView(run, busy) }
  },
  billRunProgress: async (input, ctx) => {
    await opsAccess(ctx, input.communityId)
    const run = await loadRun(ctx.platform.db, input.communityId, input.period)
    return { run: run ? billRunView(run, false) : null }
  },
  listFeeInvoices: async (input, ctx) => {
    await opsAccess(ctx, input.communityId)
    return listInvoices(ctx.platform.db, input)
  },
  markFeeInvoiceIssued: async (input, ctx) => {
    const invoice = await loadInvoice(ctx.platform.db, input.invoiceId)
    await opsAccess(ctx, invoice.communityId)
    return markInvoiceIssued(ctx.platform.db, invoice, input.invoiceNo, ctx.now())
  },
  feeCollectionReport: async (input, ctx) => {
    await opsAccess(ctx, input.communityId)
    return collectionReport(ctx.platform.db, input.communityId, input.period, ctx.now())
  },
}
