import { assertTransition, canTransition, ORDER_STATUSES, TRANSITIONS } from '../../../cloudfunctions/core/orders/order-state-machine'
import type { OrderStatus } from '../../../cloudfunctions/core/orders/order.model'

const LEGAL: [OrderStatus, OrderStatus][] = [
  ['created', 'paid'],
  ['created', 'cancelled'],
  ['paid', 'fulfilled'],
  ['paid', 'refunding'],
  ['fulfilled', 'completed'],
  ['fulfilled', 'refunding'],
  ['refunding', 'refunded'],
  ['refunding', 'paid'],
  ['refunding', 'fulfilled'],
]

describe('order state machine (as data)', () => {
  const pairs = ORDER_STATUSES.flatMap((from) => ORDER_STATUSES.map((to) => [from, to] as [OrderStatus, OrderStatus]))

  it('knows exactly the seven statuses of DOMAIN.md', () => {
    expect([...ORDER_STATUSES].sort()).toEqual(['cancelled', 'completed', 'created', 'fulfilled', 'paid', 'refunded', 'refunding'])
  })

  it.each(pairs)('%s → %s is legal only if the table says so', (from, to) => {
    const legal = LEGAL.some(([f, t]) => f === from && t === to)
    expect(canTransition(from, to)).toBe(legal)
    if (legal) expect(() => assertTransition(from, to)).not.toThrow()
    else expect(() => assertTransition(from, to)).toThrow(expect.objectContaining({ code: 'ORDER.ILLEGAL_TRANSITION', details: { from, to } }))
  })

  it('has completed, cancelled and refunded as final states', () => {
    expect(ORDER_STATUSES.filter((s) => TRANSITIONS[s].length === 0).sort()).toEqual(['cancelled', 'completed', 'refunded'])
  })
})
