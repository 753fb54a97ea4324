import { z } from 'zod'
import { defineContract, query } from './envelope'
import { fenSchema, idSchema, isoDateTimeSchema } from './common.schemas'
import { monthSchema } from './attribution.contract'

/*
 * The merchant workbench's home card (merchants.board) on its own: the home tab is in the weapp main
 * package, which must stay under 600 KB, so it imports this small module instead of the whole merchants
 * contract. merchants.contract.ts serves the same action object, so client and function cannot drift.
 */

/** 扣点 in basis points: 0–100% (800 = 8%). */
export const rateBpSchema = z.number().int('扣点须为整数基点').min(0, '扣点不能为负').max(10_000, '扣点不能超过 100%')

const signedFen = z.number().int()
const count = z.number().int().nonnegative()

export const merchantStatementSchema = z.object({
  statementId: idSchema,
  period: monthSchema,
  status: z.enum(['open', 'final']),
  saleCount: count,
  refundCount: count,
  salesFen: fenSchema,
  refundsFen: fenSchema,
  commissionFen: signedFen,
  netFen: signedFen,
  /** Of netFen, what WeChat Pay 分账 already paid (not paid again by the statement). */
  viaSharingFen: signedFen,
  carryInFen: signedFen,
  payableFen: fenSchema,
  carryOutFen: signedFen,
  finalizedAt: isoDateTimeSchema.nullable(),
})

export const merchantBoardAction = query(
  z.object({}).strict(),
  z.object({
    merchant: z.object({ merchantId: idSchema, name: z.string(), defaultRateBp: rateBpSchema, issuesInvoices: z.boolean() }),
    staffName: z.string(),
    month: monthSchema,
    toDeliver: z.number().int().nonnegative(),
    monthOrders: z.number().int().nonnegative(),
    monthGrossFen: z.number().int().nonnegative(),
    monthRefundedFen: z.number().int().nonnegative(),
    invoicesWaiting: z.number().int().nonnegative(),
    latestStatement: merchantStatementSchema.nullable(),
  }),
)

/** The client's view of merchants.board (the function serves it from merchantsContract). */
export const merchantsBoardContract = defineContract(
  'merchants',
  { board: merchantBoardAction },
  { audience: { board: ['merchant'] }, errors: { board: ['MERCHANT.NOT_MERCHANT_STAFF'] } },
)
