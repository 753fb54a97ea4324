import { merchantsContract } from '../contracts/merchants.contract'
import { defineFunction, userOpenid, type ActionContext } from '../runtime/define-function'
import { opsAccess } from '../core/auth/caller-access'
import { DomainError } from '../core/kernel/domain-error'
import { monthOf } from '../core/metrics/month'
import { addMerchantStaff, loadMerchant, merchantOfStaff, merchantsOf, onboardMerchant, setMerchantStatus } from '../core/merchants/merchant-admin.service'
import { setSeller } from '../core/merchants/listing.service'
import { sellables } from '../core/merchants/sellables.query'
import { invoiceQueue, issueOrderInvoice, merchantQueue, myInvoiceableOrders, propertyQueue, requestOrderInvoice } from '../core/merchants/invoice.service'
import { markDelivered, merchantBoard, merchantOrders, merchantStatements, statementEntries } from '../core/merchants/merchant-work.service'
import { merchantReport } from '../core/merchants/report.query'
import { exportMerchantReport } from '../core/merchants/report-export.service'
import { settleMerchants } from '../core/merchants/settlement.service'
import { sweepProfitSharing } from '../core/merchants/profit-sharing.service'
import { sweepSales } from '../core/merchants/split.service'
import { PROPERTY_SELLER_NAME } from '../core/merchants/listing.service'
import { communitySplits, orderSplitForMerchant, orderSplitForOps } from '../core/merchants/order-split.query'
import { assertMaySetSeller, sellerOptions } from '../core/merchants/seller-choice.service'
import { registerPendingReceivers, registerReceiver } from '../core/merchants/receiver.service'
import { invoiceView, invoiceableView, ledgerEntryView, merchantOrderView, merchantView, statementView } from '../core/merchants/merchant-views'

const staffMerchant = (ctx: ActionContext) => merchantOfStaff(ctx.platform, userOpenid(ctx))

/** Which invoice queue the caller works: their merchant's, or (ops naming a community) the property company's. */
async function queueOf(ctx: ActionContext, communityId: string | undefined): Promise<{ queue: string; issuerName: string }> {
  if (communityId) {
    await opsAccess(ctx, communityId)
    return { queue: propertyQueue(communityId), issuerName: PROPERTY_SELLER_NAME }
  }
  if (ctx.caller.kind === 'console') throw new DomainError('VALIDATION.FAILED', '请指定小区 communityId')
  const { merchant } = await staffMerchant(ctx)
  return { queue: merchantQueue(merchant._id), issuerName: merchant.name }
}

/**
 * The merchants function: a router over core/merchants (docs/merchants.md). Timers: the monthly merchant
 * statements (hourly, after the steward settlement) and the 分账 reconcile (every 10 minutes).
 */
export const merchantsFunction = defineFunction(
  merchantsContract,
  {
    invoiceOrders: async (input, ctx) => {
      const { rows, hasMore } = await myInvoiceableOrders(ctx, input.offset, input.limit)
      return { items: rows.map(invoiceableView), hasMore }
    },
    requestInvoice: async (input, ctx) => ({ invoice: invoiceView(await requestOrderInvoice(ctx, input)) }),
    board: async (_input, ctx) => {
      const { merchant, staff } = await staffMerchant(ctx)
      const [board, waiting] = await Promise.all([merchantBoard(ctx, merchant._id), invoiceQueue(ctx, merchantQueue(merchant._id), 'requested', 0, 50)])
      return {
        merchant: { merchantId: merchant._id, name: merchant.name, defaultRateBp: merchant.defaultRateBp, issuesInvoices: merchant.issuesInvoices },
        staffName: staff.name,
        month: board.month,
        toDeliver: board.toDeliver,
        monthOrders: board.monthOrders,
        monthGrossFen: board.monthGrossFen,
        monthRefundedFen: board.monthRefundedFen,
        invoicesWaiting: waiting.invoices.length,
        latestStatement: board.latestStatement ? statementView(board.latestStatement) : null,
      }
    },
    orders: async (input, ctx) => {
      const { merchant } = await staffMerchant(ctx)
      const { orders, hasMore } = await merchantOrders(ctx, merchant._id, input.filter, input.offset, input.limit)
      return { items: orders.map(merchantOrderView), hasMore }
    },
    markDelivered: async (input, ctx) => {
      const { merchant } = await staffMerchant(ctx)
      return { order: merchantOrderView(await markDelivered(ctx, merchant._id, input.orderId, userOpenid(ctx))) }
    },
    statements: async (_input, ctx) => {
      const { merchant } = await staffMerchant(ctx)
      return { statements: (await merchantStatements(ctx, merchant._id)).map(statementView) }
    },
    statementEntries: async (input, ctx) => {
      const { merchant } = await staffMerchant(ctx)
      const { entries, hasMore } = await statementEntries(ctx, merchant._id, input.statementId, input.offset, input.limit)
      return { items: entries.map(ledgerEntryView), hasMore }
    },
    invoiceQueue: async (input, ctx) => {
      const { queue, issuerName } = await queueOf(ctx, input.communityId)
      const { invoices, hasMore } = await invoiceQueue(ctx, queue, input.status, input.offset, input.limit)
      return { queue, issuerName, items: invoices.map(invoiceView), hasMore }
    },
    issueInvoice: async (input, ctx) => {
      const { queue } = await queueOf(ctx, input.communityId)
      return { invoice: invoiceView(await issueOrderInvoice(ctx, queue, input.invoiceId, input.invoiceNo)) }
    },
    orderSplit: async (input, ctx) => {
      if (input.communityId) {
        await opsAccess(ctx, input.communityId)
        return { split: await orderSplitForOps(ctx.platform, input.communityId, input.orderId) }
      }
      const { merchant } = await staffMerchant(ctx)
      return { split: await orderSplitForMerchant(ctx.platform, merchant._id, input.orderId) }
    },
    splits: async (input, ctx) => {
      await opsAccess(ctx, input.communityId)
      return communitySplits(ctx.platform, input.communityId, input.offset, input.limit)
    },
    sellerOptions: async (input, ctx) => ({ merchants: await sellerOptions(ctx, input.communityId) }),
    retryReceiver: async (input, ctx) => {
      await opsAccess(ctx, input.communityId)
      const merchant = await loadMerchant(ctx.platform, input.merchantId)
      if (!merchant.communityIds.includes(input.communityId)) throw new DomainError('MERCHANT.NOT_IN_COMMUNITY')
      // A refused receiver is tried again from scratch (ops fixed the name or the account meanwhile).
      const fresh = merchant.receiver?.state === 'failed' ? { ...merchant, receiver: null } : merchant
      return { merchant: merchantView({ ...merchant, receiver: await registerReceiver(ctx.platform, fresh) }) }
    },
    list: async (input, ctx) => {
      await opsAccess(ctx, input.communityId)
      const merchants = await merchantsOf(ctx.platform, input.communityId)
      return { merchants: merchants.map(merchantView), listings: await sellables(ctx.platform, input.communityId, merchants) }
    },
    onboard: async (input, ctx) => {
      await opsAccess(ctx, input.communityId)
      const { merchant, created } = await onboardMerchant(ctx.platform, input)
      return { merchant: merchantView(merchant), created }
    },
    setStatus: async (input, ctx) => {
      await opsAccess(ctx, input.communityId)
      return { merchant: merchantView(await setMerchantStatus(ctx.platform, input.merchantId, input.communityId, input.status)) }
    },
    addStaff: async (input, ctx) => {
      await opsAccess(ctx, input.communityId)
      return addMerchantStaff(ctx.platform, input)
    },
    setSeller: async (input, ctx) => {
      await assertMaySetSeller(ctx, input)
      const by = ctx.caller.kind === 'console' ? 'console' : userOpenid(ctx)
      const listing = await setSeller(ctx.platform, { ...input, by })
      const merchants = listing.merchantId ? [await loadMerchant(ctx.platform, listing.merchantId)] : []
      const row = (await sellables(ctx.platform, input.communityId, merchants)).find((r) => r.kind === input.kind && r.refId === input.refId)
      if (!row) throw new DomainError('MERCHANT.LISTING_NOT_FOUND')
      return { listing: row }
    },
    report: async (input, ctx) => {
      await opsAccess(ctx, input.communityId)
      const month = input.month ?? monthOf(ctx.now())
      return { month, rows: await merchantReport(ctx.platform, input.communityId, month) }
    },
    exportReport: async (input, ctx) => {
      await opsAccess(ctx, input.communityId)
      return exportMerchantReport(ctx.platform, input.communityId, input.month ?? monthOf(ctx.now()), ctx.requestId ?? `${ctx.now().getTime()}`)
    },
    settle: async (input, ctx) => settleMerchants(ctx, input.period),
    reconcileSharing: async (_input, ctx) => ({ sales: await sweepSales(ctx), sharing: await sweepProfitSharing(ctx) }),
  },
  {
    timers: {
      monthlyStatements: async (ctx) => ({ sales: await sweepSales(ctx), settlement: await settleMerchants(ctx) }),
      profitSharingReconcile: async (ctx) => ({ receivers: await registerPendingReceivers(ctx.platform), sales: await sweepSales(ctx), sharing: await sweepProfitSharing(ctx) }),
    },
    consoleRerunnable: ['settle', 'reconcileSharing'],
  },
)
