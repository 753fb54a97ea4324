import { defineIndexes } from '../kernel/indexes'
import type { FeeKind } from '../../contracts/fees-common.schemas'

export type { FeeKind }

export const FEE_COLLECTIONS = {
  items: 'fee_items',
  readings: 'fee_meter_readings',
  bills: 'fee_bills',
  runs: 'fee_runs',
  receipts: 'fee_receipts',
  invoices: 'fee_invoices',
  reminders: 'fee_reminders',
} as const

/** "Never" for date fields that conditions compare against (a free lock, a bill never reminded). */
export const EPOCH = new Date(0)

export interface LateFeeRule {
  /** Per overdue day, in 1/10000 of the principal (5 = 万分之五). */
  dailyRateBp: number
  /** Ceiling of the total late fee, in 1/10000 of the principal (10000 = never more than the bill itself). */
  capBp: number
}

export interface FeeItemDoc {
  _id: string
  communityId: string
  code: string
  name: string
  kind: FeeKind
  /** per_area: fen per m² per month; metered: fen per unit of reading. */
  unitPriceFen: number | null
  /** fixed and one_off. */
  amountFen: number | null
  unit: string | null
  /** one_off: the only period it is billed in. */
  period: string | null
  dueDay: number
  lateFee: LateFeeRule
  scope: { buildingIds: string[] | null; householdIds: string[] | null }
  status: 'active' | 'archived'
  createdAt: Date
  updatedAt: Date
}

export interface MeterReadingDoc {
  _id: string
  communityId: string
  itemId: string
  householdId: string
  period: string
  previous: number
  current: number
  usage: number
  importedAt: Date
}

export type BillStatus = 'unpaid' | 'paid'

export interface BillDoc {
  _id: string
  communityId: string
  buildingId: string
  householdId: string
  itemId: string
  itemName: string
  kind: FeeKind
  period: string
  /** Asia/Shanghai calendar date (YYYY-MM-DD), the last day without a late fee. */
  dueDate: string
  principalFen: number
  /** How the principal was computed (shown on the bill and the receipt). */
  detail: string
  lateFee: LateFeeRule
  status: BillStatus
  /** The unpaid order holding this bill, until lockUntil (the order's expiry plus a margin). */
  lockOrderId: string | null
  lockUntil: Date
  paidOrderId: string | null
  paidAt: Date | null
  payerOpenid: string | null
  paidFen: number
  paidLateFeeFen: number
  invoiceId: string | null
  /** Reminders: the next time a steward may remind about this bill (3 days after the last). */
  remindableAt: Date
  remindedAt: Date | null
  reminderCount: number
  /** Paid while a reminder had been sent: "who paid after a reminder". */
  paidAfterReminder: boolean
  runId: string
  createdAt: Date
  updatedAt: Date
}

export interface BillRunFailure {
  householdId: string
  label: string
  reason: string
}

export interface BillRunDoc {
  _id: string
  communityId: string
  period: string
  status: 'running' | 'done'
  /** The fee items as they were when the run (re)started: every chunk bills against the same definitions. */
  items: FeeItemDoc[]
  /** Buildings of the community at (re)start; the cursor walks them in order, households by _id inside. */
  buildingIds: string[]
  cursor: { building: number; afterHouseholdId: string }
  total: number
  done: number
  failed: number
  billsCreated: number
  billsExisting: number
  failures: BillRunFailure[]
  /** Restarted over a period that already has bills (inserts look first). */
  rescan?: boolean
  /** Only the holder of the lease advances the run; a crashed holder's lease simply runs out. */
  leaseToken: string | null
  leaseUntil: Date
  startedAt: Date
  updatedAt: Date
  finishedAt: Date | null
}

export interface ReceiptLineDoc {
  billId: string
  itemName: string
  period: string
  principalFen: number
  lateFeeFen: number
  amountFen: number
}

/** One per paid fee order (its _id is the order id), written by the onPaid hook. */
export interface ReceiptDoc {
  _id: string
  receiptNo: string
  communityId: string
  householdId: string
  payerOpenid: string
  title: string
  paidAt: Date
  totalFen: number
  lines: ReceiptLineDoc[]
  createdAt: Date
  /** Set when the whole payment was refunded: its bills are owed again. */
  refundedAt?: Date | null
}

export interface InvoiceDoc {
  _id: string
  communityId: string
  householdId: string
  requestedBy: string
  title: { type: 'personal' | 'company'; name: string; taxId: string | null }
  email: string | null
  billIds: string[]
  amountFen: number
  status: 'requested' | 'issued'
  invoiceNo: string | null
  requestedAt: Date
  issuedAt: Date | null
}

export interface ReminderDoc {
  _id: string
  communityId: string
  householdId: string
  buildingId: string
  stewardOpenid: string
  billIds: string[]
  amountFen: number
  recipients: number
  sentAt: Date
}

export const FEE_INDEXES = defineIndexes(
  { collection: FEE_COLLECTIONS.items, fields: ['communityId', 'status'] },
  { collection: FEE_COLLECTIONS.items, fields: ['status'] },
  { collection: FEE_COLLECTIONS.readings, fields: ['itemId', 'period'] },
  { collection: FEE_COLLECTIONS.bills, fields: ['householdId', 'status'] },
  { collection: FEE_COLLECTIONS.bills, fields: ['communityId', 'status'] },
  { collection: FEE_COLLECTIONS.bills, fields: ['communityId', 'period'] },
  { collection: FEE_COLLECTIONS.bills, fields: ['buildingId', 'status'] },
  { collection: FEE_COLLECTIONS.receipts, fields: ['householdId', 'paidAt'] },
  { collection: FEE_COLLECTIONS.invoices, fields: ['communityId', 'status'] },
  { collection: FEE_COLLECTIONS.invoices, fields: ['householdId'] },
  { collection: FEE_COLLECTIONS.reminders, fields: ['householdId'] },
)
