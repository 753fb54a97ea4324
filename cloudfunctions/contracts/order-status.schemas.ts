import { z } from 'zod'
import { entryStageSchema } from './groupbuy-enums.schemas'

/**
 * The one order status model: what a person reads about an order, whatever its type (fee, group buy, paid
 * service) and whichever page shows it. The order core has its money states; a group buy also has its own
 * fulfilment stage (forming, pickup). This module maps both to one display status with a Chinese label,
 * a tone, a hint and the next thing the person can do. It is pure (no I/O, no clock), so the backend fills
 * it into every order view and a unit test can walk every combination.
 */
export const orderTypeSchema = z.enum(['fee', 'groupbuy', 'service'])
export const orderStatusSchema = z.enum(['created', 'paid', 'fulfilled', 'completed', 'cancelled', 'refunding', 'refunded'])

export const displayStatusKeySchema = z.enum([
  'pending_payment',
  'expired',
  'cancelled',
  'paid',
  'forming',
  'in_service',
  'pickup_ready',
  'partly_picked',
  'completed',
  'refunding',
  'refunded',
])
/** Colour family of the badge; the tokens behind them are contrast-checked (tests/unit/miniprogram/contrast). */
export const displayToneSchema = z.enum(['warning', 'active', 'success', 'info', 'muted'])
export const nextActionKeySchema = z.enum(['pay', 'invite', 'show_code'])

export const displayStatusSchema = z.object({
  key: displayStatusKeySchema,
  /** The word on the badge: 待支付, 待成团, 待提货… */
  label: z.string(),
  tone: displayToneSchema,
  /** One line under the badge that says what happens next, or null. */
  hint: z.string().nullable(),
  /** The main thing the person can do now; the page decides how (the server still checks on every call). */
  action: z.object({ key: nextActionKeySchema, label: z.string() }).nullable(),
})

/** What a group buy adds to the order core's status: its stage and how much was handed over. */
export const groupbuyStatusFactsSchema = z.object({
  stage: entryStageSchema,
  pickedUnits: z.number().int().nonnegative(),
  totalUnits: z.number().int().nonnegative(),
  /** The campaign's outcome once decided; 'failed' explains a refund (未成团). */
  outcome: z.enum(['formed', 'failed']).nullable(),
})

export type OrderType = z.infer<typeof orderTypeSchema>
export type OrderStatus = z.infer<typeof orderStatusSchema>
export type DisplayStatusKey = z.infer<typeof displayStatusKeySchema>
export type DisplayStatus = z.infer<typeof displayStatusSchema>
export type GroupbuyStatusFacts = z.infer<typeof groupbuyStatusFactsSchema>

export interface OrderStatusFacts {
  type: OrderType
  status: OrderStatus
  /** Who moved the order into its current status ('timer' closing an unpaid order means it expired). */
  lastBy: string | null
  paidFen: number
  refundedFen: number
  /** Only for group buys; without it a paid group buy reads as 待成团 (the stage that follows payment). */
  groupbuy?: GroupbuyStatusFacts | null
}

/** Labels per display status; a type may word a few of them its own way (TYPE_WORDING). */
export const DISPLAY_LABELS: Record<DisplayStatusKey, string> = {
  pending_payment: '待支付',
  expired: '已关闭',
  cancelled: '已取消',
  paid: '已支付',
  forming: '待成团',
  in_service: '待服务',
  pickup_ready: '待提货',
  partly_picked: '部分提货',
  completed: '已完成',
  refunding: '退款中',
  refunded: '已退款',
}

const TONES: Record<DisplayStatusKey, DisplayStatus['tone']> = {
  pending_payment: 'warning',
  expired: 'muted',
  cancelled: 'muted',
  paid: 'success',
  forming: 'active',
  in_service: 'active',
  pickup_ready: 'active',
  partly_picked: 'active',
  completed: 'success',
  refunding: 'info',
  refunded: 'muted',
}

const TYPE_WORDING: Partial<Record<OrderType, Partial<Record<DisplayStatusKey, string>>>> = {
  fee: { paid: '已缴费', completed: '已缴费' },
  groupbuy: { completed: '已提货' },
}

const ACTIONS: Partial<Record<DisplayStatusKey, { key: z.infer<typeof nextActionKeySchema>; label: string }>> = {
  pending_payment: { key: 'pay', label: '去支付' },
  forming: { key: 'invite', label: '邀请邻居参团' },
  pickup_ready: { key: 'show_code', label: '出示提货码' },
  partly_picked: { key: 'show_code', label: '出示提货码' },
}

const yuanText = (fen: number) => `¥${(fen / 100).toFixed(2)}`

/** The display status of a group buy that the order core holds as paid / fulfilled / completed. */
function groupbuyKey(g: GroupbuyStatusFacts | null | undefined, status: OrderStatus): DisplayStatusKey {
  if (status === 'completed' || status === 'fulfilled') return 'completed'
  if (!g) return 'forming'
  switch (g.stage) {
    case 'awaiting_pickup':
      return g.pickedUnits > 0 ? 'partly_picked' : 'pickup_ready'
    case 'picked_up':
      return 'completed'
    // The closing job marks the stage before it opens the refund: the person already sees it coming.
    case 'refund_pending':
      return 'refunding'
    case 'refunded':
      return 'refunded'
    default:
      return 'forming'
  }
}

function keyOf(f: OrderStatusFacts): DisplayStatusKey {
  switch (f.status) {
    case 'created':
      return 'pending_payment'
    case 'cancelled':
      return f.lastBy === 'timer' ? 'expired' : 'cancelled'
    case 'refunding':
      return 'refunding'
    case 'refunded':
      return 'refunded'
    default:
      break
  }
  // paid, fulfilled, completed: the money is in; what the person waits for depends on the type.
  if (f.type === 'groupbuy') return groupbuyKey(f.groupbuy, f.status)
  if (f.type === 'service') return f.status === 'paid' ? 'in_service' : 'completed'
  return f.status === 'paid' ? 'paid' : 'completed'
}

function hintOf(key: DisplayStatusKey, f: OrderStatusFacts): string | null {
  const g = f.groupbuy
  switch (key) {
    case 'pending_payment':
      return '超时未支付将自动关闭'
    case 'expired':
      return '超时未支付，订单已自动关闭'
    case 'forming':
      return '已支付，截止时人数达标即成团；未成团全额退款'
    case 'in_service':
      return '已支付，服务人员将按约上门'
    case 'pickup_ready':
      return '已成团，请凭提货码到自提点提货'
    case 'partly_picked':
      return g ? `已提 ${g.pickedUnits} 件，还有 ${g.totalUnits - g.pickedUnits} 件待提` : null
    case 'refunding':
      return g?.outcome === 'failed' ? '未成团，款项将原路退回' : '款项将原路退回'
    case 'refunded':
      return f.refundedFen > 0 ? `已退 ${yuanText(f.refundedFen)}，原路退回` : null
    default:
      // A partial refund leaves the order where it was; say how much went back.
      return f.refundedFen > 0 ? `已退 ${yuanText(f.refundedFen)}` : null
  }
}

/** The status a person sees for an order, with its label, hint and next action. Pure. */
export function orderDisplayStatus(f: OrderStatusFacts): DisplayStatus {
  const key = keyOf(f)
  return {
    key,
    label: TYPE_WORDING[f.type]?.[key] ?? DISPLAY_LABELS[key],
    tone: TONES[key],
    hint: hintOf(key, f),
    action: ACTIONS[key] ?? null,
  }
}

/** One step of an order's history in words, for the timeline every order page shows. Pure. */
export function timelineLabel(type: OrderType, from: OrderStatus | null, to: OrderStatus, by: string): string {
  switch (to) {
    case 'created':
      return '提交订单'
    case 'paid':
      return from === 'refunding' ? '退款处理完毕' : '支付成功'
    case 'cancelled':
      return by === 'timer' ? '超时未支付，已关闭' : '取消订单'
    case 'fulfilled':
      if (from === 'refunding') return '退款处理完毕'
      return type === 'groupbuy' ? '已提货' : type === 'service' ? '服务完成' : '已入账'
    case 'completed':
      return '订单完成'
    case 'refunding':
      return by === 'resident' ? '申请退款' : '发起退款'
    case 'refunded':
      return '退款成功'
  }
}
