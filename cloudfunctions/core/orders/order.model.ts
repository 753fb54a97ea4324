import { defineIndexes } from '../kernel/indexes'
import type { OrderLine, OrderStatus, OrderType } from '../../contracts/orders.contract'
import type { RequestPaymentParams } from '../kernel/ports/payments.port'

export type { OrderLine, OrderStatus, OrderType }

export const ORDER_COLLECTIONS = {
  orders: 'orders',
  refunds: 'refunds',
  serviceItems: 'service_items',
} as const

/** Unpaid orders close this long after creation (DOMAIN.md: 15 min). */
export const UNPAID_TTL_MS = 15 * 60_000

export interface StatusChange {
  from: OrderStatus | null
  to: OrderStatus
  at: Date
  by: string
  note: string | null
}

/**
 * Reservation bookkeeping for types with a reserve hook (group-buy stock):
 * pending — order written, reserve hook not finished (a draft: not listed, not payable);
 * held — reserved; releasing — cancelled, release hook not yet confirmed; released — given back.
 */
export type ReservationState = 'none' | 'pending' | 'held' | 'releasing' | 'released'

/** onRefunded hook progress, so a crash after a refund settled still runs the hook on the reconcile timer. */
export type HookState = 'none' | 'pending' | 'done'

/**
 * How an order's money is shared, kept ON the order (`order.split`), in integer fen, as it stands now:
 * what is still paid (`gross`) = merchant + property + steward, always. The merchants area decides it
 * (seller, 扣点, the steward's rate: docs/merchants.md) and keeps its ledger in `order_splits`; the
 * orders area owns the order document, so the split is written only through its port (order-split.ts), inside the
 * caller's transaction — the split on the order and the ledger change commit together, and a refund's
 * parts reach both at once.
 */
export interface OrderSplit {
  /** Still paid: paid − refunded. */
  gross: number
  /** The seller merchant's share (0 when the property company sells). */
  merchant: number
  /** The property company's net: 扣点 − the steward's commission. */
  property: number
  /** The steward's commission (out of the 扣点). */
  steward: number
  /** Refunded so far (gross + refunded = what was paid). */
  refunded: number
  rule: OrderSplitRule
}

export interface OrderSplitRule {
  seller: 'property' | 'merchant'
  merchantId: string | null
  sellerName: string
  /** 扣点 in basis points (800 = 8%); 10000 when the property company sells. */
  rateBp: number
  /** Why the 扣点 differs from the merchant's default (null: it does not). */
  rateReason: string | null
  stewardRateBp: number
}

export interface OrderDoc {
  _id: string
  /** Short human number (date + 6 digits, order-number.ts); absent on orders placed before it existed. */
  orderNo?: string
  type: OrderType
  communityId: string
  householdId: string
  payerOpenid: string
  title: string
  lines: OrderLine[]
  amountFen: number
  status: OrderStatus
  /** False while the order is a draft (reservation pending); lists only show listed orders. */
  listed: boolean
  reservation: ReservationState
  paidFen: number
  refundedFen: number
  /** Sum of refunds submitted but not yet settled; paid − refunded − pending is what may still be refunded. */
  pendingRefundFen: number
  /** Where the order returns after a partial refund settles ('paid' or 'fulfilled'). */
  resumeStatus: OrderStatus | null
  payment: { transactionId: string; paidAt: Date } | null
  /** profitSharing: the payment was made with settle_info.profit_sharing (absent on older orders: it was not). */
  prepay: { provider: 'wechat' | 'sandbox'; prepayId: string; params: RequestPaymentParams; profitSharing?: boolean; createdAt: Date } | null
  /** Placeholder for steward attribution (issue: attribution); set when the order is paid. */
  attributedStewardOpenid: string | null
  /** Who gets what of the payment, kept in step with refunds (order-split.ts; written by the merchants area through that port). */
  split?: OrderSplit | null
  history: StatusChange[]
  requestHash: string
  /** What the order was placed against when its lines alone do not say (a group-buy campaign id); absent on older orders. */
  offerId?: string
  createdAt: Date
  updatedAt: Date
  expiresAt: Date
}

export interface RefundDoc {
  _id: string
  orderId: string
  payerOpenid: string
  amountFen: number
  reason: string
  requestedBy: string
  status: 'pending' | 'succeeded' | 'failed'
  /** Accepted by the gateway; false means the submit must be retried (reconcile timer). */
  submitted: boolean
  /** onRefunded hook progress (see HookState). */
  hook: HookState
  wechatRefundId: string | null
  requestedAt: Date
  completedAt: Date | null
}

export interface ServiceItemDoc {
  _id: string
  communityId: string
  title: string
  description: string
  unitPriceFen: number
  unit: string
  active: boolean
  sort: number
}

export const ORDER_INDEXES = defineIndexes(
  { collection: ORDER_COLLECTIONS.orders, fields: ['householdId', 'listed', 'createdAt'] },
  { collection: ORDER_COLLECTIONS.orders, fields: ['status', 'expiresAt'] },
  { collection: ORDER_COLLECTIONS.orders, fields: ['reservation'] },
  // Only orders paid before the outbox carry it (legacy-paid-hook.ts looks them up once a minute).
  { collection: ORDER_COLLECTIONS.orders, fields: ['paidHook'] },
  { collection: ORDER_COLLECTIONS.orders, fields: ['orderNo'], unique: true },
  { collection: ORDER_COLLECTIONS.refunds, fields: ['orderId'] },
  { collection: ORDER_COLLECTIONS.refunds, fields: ['submitted', 'status', 'requestedAt'] },
  { collection: ORDER_COLLECTIONS.refunds, fields: ['hook'] },
  { collection: ORDER_COLLECTIONS.serviceItems, fields: ['communityId', 'active'] },
)
