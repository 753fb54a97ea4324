import { createHash } from 'node:crypto'
import { formatBusiness } from '../kernel/business-time'

/**
 * The order number people read and say on the phone: the Beijing date it was placed and six digits
 * ("20261203 482915", stored as "20261203482915"), kept beside the 32-char id WeChat Pay needs. The six
 * digits come from the order id, so a retried request gets the same number; a clash with another order
 * of the same day is caught by the unique index and the next `attempt` is drawn (see place-order.ts).
 */
export function orderNoFor(orderId: string, createdAt: Date, attempt = 0): string {
  const day = formatBusiness(createdAt, 'YYYYMMDD')
  const digits = parseInt(createHash('sha256').update(`orderno|${orderId}|${attempt}`).digest('hex').slice(0, 12), 16) % 1_000_000
  return `${day}${String(digits).padStart(6, '0')}`
}

/** How many numbers to draw before giving up (a day would need ~10⁵ orders for two clashes in a row to be likely). */
export const ORDER_NO_ATTEMPTS = 8
