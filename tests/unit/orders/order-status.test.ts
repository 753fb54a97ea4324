import { DISPLAY_LABELS, orderDisplayStatus, orderStatusSchema, orderTypeSchema, timelineLabel, type OrderStatusFacts } from '../../../cloudfunctions/contracts/order-status.schemas'
import { entryStageSchema } from '../../../cloudfunctions/contracts/groupbuy-enums.schemas'

const base = { lastBy: 'resident', paidFen: 1000, refundedFen: 0 } as const
const gb = (stage: OrderStatusFacts['groupbuy'] extends infer G ? (G extends { stage: infer S } ? S : never) : never, picked = 0, outcome: 'formed' | 'failed' | null = null) => ({ stage, pickedUnits: picked, totalUnits: 3, outcome })

describe('the one order status model', () => {
  it.each([
    // type, order status, extra facts, key, label, action
    ['fee', 'created', {}, 'pending_payment', '待支付', 'pay'],
    ['fee', 'paid', {}, 'paid', '已缴费', null],
    ['fee', 'refunding', {}, 'refunding', '退款中', null],
    ['fee', 'refunded', { refundedFen: 1000 }, 'refunded', '已退款', null],
    ['fee', 'cancelled', { lastBy: 'timer' }, 'expired', '已关闭', null],
    ['fee', 'cancelled', { lastBy: 'resident' }, 'cancelled', '已取消', null],
    ['service', 'created', {}, 'pending_payment', '待支付', 'pay'],
    ['service', 'paid', {}, 'in_service', '待服务', null],
    ['service', 'fulfilled', {}, 'completed', '已完成', null],
    ['service', 'completed', {}, 'completed', '已完成', null],
    ['service', 'refunding', {}, 'refunding', '退款中', null],
    ['groupbuy', 'created', { groupbuy: gb('unpaid') }, 'pending_payment', '待支付', 'pay'],
    ['groupbuy', 'paid', { groupbuy: gb('paid') }, 'forming', '待成团', 'invite'],
    ['groupbuy', 'paid', { groupbuy: gb('awaiting_pickup', 0, 'formed') }, 'pickup_ready', '待提货', 'show_code'],
    ['groupbuy', 'paid', { groupbuy: gb('awaiting_pickup', 1, 'formed') }, 'partly_picked', '部分提货', 'show_code'],
    ['groupbuy', 'fulfilled', { groupbuy: gb('picked_up', 3, 'formed') }, 'completed', '已提货', null],
    ['groupbuy', 'paid', { groupbuy: gb('picked_up', 3, 'formed') }, 'completed', '已提货', null],
    ['groupbuy', 'paid', { groupbuy: gb('refund_pending', 0, 'failed') }, 'refunding', '退款中', null],
    ['groupbuy', 'refunding', { groupbuy: gb('refund_pending', 0, 'failed') }, 'refunding', '退款中', null],
    ['groupbuy', 'refunded', { refundedFen: 1000, groupbuy: gb('refunded', 0, 'failed') }, 'refunded', '已退款', null],
    ['groupbuy', 'cancelled', { lastBy: 'timer', groupbuy: gb('cancelled') }, 'expired', '已关闭', null],
  ] as const)('%s / %s %j → %s %s', (type, status, extra, key, label, action) => {
    const d = orderDisplayStatus({ ...base, type, status, ...extra } as OrderStatusFacts)
    expect(d.key).toBe(key)
    expect(d.label).toBe(label)
    expect(d.action?.key ?? null).toBe(action)
  })

  it('the order core wins over a stale stage: a cancelled or refunded order never reads as waiting for pickup', () => {
    expect(orderDisplayStatus({ ...base, type: 'groupbuy', status: 'refunded', groupbuy: gb('awaiting_pickup') }).key).toBe('refunded')
    expect(orderDisplayStatus({ ...base, type: 'groupbuy', status: 'cancelled', groupbuy: gb('paid') }).key).toBe('cancelled')
    expect(orderDisplayStatus({ ...base, type: 'groupbuy', status: 'created', groupbuy: gb('unpaid') }).key).toBe('pending_payment')
  })

  it('says why a group buy is refunded and how much went back', () => {
    expect(orderDisplayStatus({ ...base, type: 'groupbuy', status: 'refunding', groupbuy: gb('refund_pending', 0, 'failed') }).hint).toContain('未成团')
    expect(orderDisplayStatus({ ...base, type: 'service', status: 'refunded', refundedFen: 8800 }).hint).toContain('¥88.00')
    expect(orderDisplayStatus({ ...base, type: 'service', status: 'paid', refundedFen: 1000 }).hint).toBe('已支付，服务人员将按约上门')
    expect(orderDisplayStatus({ ...base, type: 'fee', status: 'paid', refundedFen: 1000 }).hint).toBe('已退 ¥10.00')
    expect(orderDisplayStatus({ ...base, type: 'groupbuy', status: 'paid', groupbuy: gb('awaiting_pickup', 1, 'formed') }).hint).toBe('已提 1 件，还有 2 件待提')
  })

  it('every combination of type, order status and stage maps to a labelled status (no gaps, no throws)', () => {
    const seen = new Set<string>()
    for (const type of orderTypeSchema.options)
      for (const status of orderStatusSchema.options)
        for (const stage of [null, ...entryStageSchema.options])
          for (const lastBy of ['resident', 'timer'])
            for (const picked of [0, 1]) {
            const d = orderDisplayStatus({ ...base, type, status, lastBy, groupbuy: stage ? gb(stage, picked) : null })
            expect(DISPLAY_LABELS[d.key]).toBeDefined()
            expect(d.label).toMatch(/^[\u4e00-\u9fa5]{2,4}$/)
            // Only an unpaid order offers payment, and it always does.
            expect(d.action?.key === 'pay').toBe(status === 'created')
            seen.add(d.key)
          }
    expect([...seen].sort()).toEqual(Object.keys(DISPLAY_LABELS).sort())
  })

  it('words the timeline steps, telling an expiry from a cancellation and a refund from a partial one', () => {
    expect(timelineLabel('service', null, 'created', 'resident')).toBe('提交订单')
    expect(timelineLabel('service', 'created', 'cancelled', 'timer')).toBe('超时未支付，已关闭')
    expect(timelineLabel('service', 'created', 'cancelled', 'resident')).toBe('取消订单')
    expect(timelineLabel('groupbuy', 'paid', 'fulfilled', 'steward')).toBe('已提货')
    expect(timelineLabel('service', 'refunding', 'paid', 'wechatpay')).toBe('退款处理完毕')
    expect(timelineLabel('groupbuy', 'paid', 'refunding', 'closing')).toBe('发起退款')
  })
})
