import { defineIndexes } from '../kernel/indexes'
import type { StatementBase } from '../kernel/statement-run'
import type { OrderType } from '../orders'

export const MERCHANT_COLLECTIONS = {
  merchants: 'merchants',
  /** openid ↔ merchant for merchant staff (their `staff` row says role merchant; this says which one). */
  staff: 'merchant_staff',
  /** `groupbuy-<campaignId>` / `service-<serviceItemId>`: who sells it and at what 扣点. No row = the property company. */
  listings: 'merchant_listings',
  /** One per paid group-buy / service order (_id = order id): seller and the split in fen. */
  splits: 'order_splits',
  /** `sale-<orderId>` at fulfilment, `ref-<refundId>` per later refund; claimed by one statement each. */
  ledger: 'merchant_ledger',
  /** One per (merchant, month) once settled. */
  statements: 'merchant_statements',
  /** `ps-<orderId>` splits and `psr-<refundId>` returns sent to WeChat Pay 分账. */
  shares: 'profit_shares',
  /** `inv-<orderId>`: invoice requests for group-buy and service orders, queued at the seller. */
  invoices: 'order_invoices',
} as const

export type SellerKind = 'property' | 'merchant'

export interface MerchantDoc {
  _id: string
  name: string
  /** 统一社会信用代码 / 营业执照号. */
  licenceNo: string
  contactName: string
  contactPhoneHash: string
  contactPhoneLast4: string
  /** The merchant's WeChat Pay 商户号: the 分账 receiver (MERCHANT_ID). */
  settlementAccount: string
  /** Default 扣点 in basis points (800 = 8%). */
  defaultRateBp: number
  /** Issues its own invoices for its sales (else the property company issues them on its behalf). */
  issuesInvoices: boolean
  communityIds: string[]
  status: 'active' | 'suspended'
  /** The settlement account as a WeChat Pay 分账 receiver (receiver.service.ts); absent on merchants onboarded before. */
  receiver?: ReceiverState | null
  createdAt: Date
  updatedAt: Date
}

export interface ReceiverState {
  /** pending: not yet accepted by WeChat Pay (retried by the reconcile timer); failed: refused, ops must act. */
  state: 'pending' | 'added' | 'failed'
  type: 'MERCHANT_ID'
  account: string
  relation: 'SUPPLIER'
  lastError: string | null
  attempts: number
  addedAt: Date | null
  updatedAt: Date
}

export interface MerchantStaffDoc {
  _id: string
  merchantId: string
  openid: string
  name: string
  communityId: string
  status: 'active' | 'removed'
  updatedAt: Date
}

export type ListingKind = Extract<OrderType, 'groupbuy' | 'service'>

export interface ListingDoc {
  _id: string
  kind: ListingKind
  refId: string
  communityId: string
  sellerKind: SellerKind
  merchantId: string | null
  rateBp: number
  /** Why this listing's 扣点 differs from the merchant's default (null when it does not). */
  rateReason: string | null
  updatedBy: string
  updatedAt: Date
}

export interface Seller {
  kind: SellerKind
  merchantId: string | null
  name: string
}

/** The four parts of an amount; merchantFen + propertyNetFen + stewardFen = the amount, always. */
export interface SplitParts {
  merchantFen: number
  /** 扣点: the property company's gross share (includes the steward's commission). */
  commissionFen: number
  stewardFen: number
  /** commissionFen − stewardFen: what the property company keeps (negative if commission > 扣点). */
  propertyNetFen: number
}

export interface SplitDoc extends SplitParts {
  _id: string
  orderId: string
  orderNo: string | null
  orderType: ListingKind
  title: string
  communityId: string
  householdId: string
  payerOpenid: string
  campaignId: string | null
  seller: Seller
  /** seller.merchantId, flat for the index (null: the property company sells). */
  merchantId: string | null
  rateBp: number
  /** Why the 扣点 differs from the merchant's default (absent on splits recorded before it was kept). */
  rateReason?: string | null
  stewardOpenid: string | null
  stewardRateBp: number
  grossFen: number
  paidAt: Date
  /** Month of payment (Asia/Shanghai). */
  month: string
  refundedFen: number
  refunded: SplitParts
  /** Refunds already split (a replayed refund event finds its id here). */
  refundIds: string[]
  /** The merchant said the goods were delivered / the service was done. */
  delivery: { at: Date; by: string } | null
  fulfilledAt: Date | null
  /** 待送达: `awaitsDelivery(this)` (to-deliver.ts), rewritten by every write that changes its inputs. */
  toDeliver: boolean
  /** A sale entry exists in the merchant ledger (merchant sellers only). */
  saleRecorded: boolean
  createdAt: Date
}

export interface MerchantLedgerDoc {
  _id: string
  /** `unshared`: a 分账 split or return that ended without moving money (compensation, see docs/merchants.md). */
  kind: 'sale' | 'refund' | 'unshared'
  merchantId: string
  communityId: string
  orderId: string
  title: string
  /** Always ≥ 0; a refund entry subtracts. */
  grossFen: number
  merchantFen: number
  commissionFen: number
  at: Date
  availableMonth: string
  state: 'open' | 'settled'
  statementId: string | null
  refundId?: string
  /**
   * Of `merchantFen`, what a 分账 split queued for this sale pays the merchant directly (0 without profit
   * sharing); on an `unshared` entry, minus a split that ended without paying.
   */
  sharedFen: number
  /** What a 分账 return queued for this refund takes back (0 if none); on `unshared`, minus a failed return. */
  returnedFen: number
  /** The profit_shares record an `unshared` entry compensates. */
  shareId?: string
}

/** A merchant's monthly statement (core/kernel/statement-run.ts); netFen is its share of sales − of refunds (may be negative). */
export interface MerchantStatementDoc extends StatementBase {
  merchantId: string
  saleCount: number
  refundCount: number
  salesFen: number
  refundsFen: number
  commissionFen: number
  /** Of `netFen`, what 分账 already paid (Σ shared − Σ returned, after compensations); not paid again. payableFen = max(0, netFen − viaSharingFen + carryInFen). */
  viaSharingFen: number
}

export type ShareState = 'pending' | 'processing' | 'finished' | 'failed'

export interface ProfitShareDoc {
  _id: string
  kind: 'split' | 'return'
  orderId: string
  merchantId: string
  transactionId: string
  outOrderNo: string
  outReturnNo: string | null
  account: string
  amountFen: number
  state: ShareState
  wechatId: string | null
  failReason: string | null
  attempts: number
  createdAt: Date
  updatedAt: Date
}

export interface InvoiceTitle {
  type: 'personal' | 'company'
  name: string
  taxId: string | null
}

export interface OrderInvoiceDoc {
  _id: string
  orderId: string
  orderNo: string | null
  orderTitle: string
  communityId: string
  householdId: string
  requesterOpenid: string
  /** Who issues: the seller (or the property company for a merchant that does not issue its own). */
  issuer: Seller
  /** `merchant:<id>` or `property:<communityId>`: the queue the request waits in. */
  queue: string
  title: InvoiceTitle
  email: string | null
  amountFen: number
  status: 'requested' | 'issued'
  invoiceNo: string | null
  requestedAt: Date
  issuedAt: Date | null
  /** Month of the request (Asia/Shanghai), for the ops report. */
  month: string
}

export const MERCHANT_INDEXES = defineIndexes(
  { collection: MERCHANT_COLLECTIONS.merchants, fields: ['status'] },
  { collection: MERCHANT_COLLECTIONS.staff, fields: ['openid', 'status'] },
  { collection: MERCHANT_COLLECTIONS.listings, fields: ['communityId', 'merchantId'] },
  { collection: MERCHANT_COLLECTIONS.splits, fields: ['merchantId', 'paidAt'] },
  { collection: MERCHANT_COLLECTIONS.splits, fields: ['payerOpenid', 'paidAt'] },
  { collection: MERCHANT_COLLECTIONS.splits, fields: ['communityId', 'paidAt'] },
  { collection: MERCHANT_COLLECTIONS.ledger, fields: ['state', 'availableMonth'] },
  { collection: MERCHANT_COLLECTIONS.ledger, fields: ['merchantId', 'state'] },
  { collection: MERCHANT_COLLECTIONS.ledger, fields: ['statementId'] },
  { collection: MERCHANT_COLLECTIONS.ledger, fields: ['merchantId', 'availableMonth'] },
  { collection: MERCHANT_COLLECTIONS.statements, fields: ['merchantId', 'period'] },
  { collection: MERCHANT_COLLECTIONS.statements, fields: ['period', 'status'] },
  { collection: MERCHANT_COLLECTIONS.shares, fields: ['state', 'updatedAt'] },
  { collection: MERCHANT_COLLECTIONS.shares, fields: ['orderId'] },
  { collection: MERCHANT_COLLECTIONS.invoices, fields: ['queue', 'status'] },
  { collection: MERCHANT_COLLECTIONS.invoices, fields: ['requesterOpenid', 'requestedAt'] },
)
