import { createHash } from 'node:crypto'

function sha(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

/**
 * A bill's id IS its identity: household × item × period. Whatever runs the period, however often and in
 * whatever order, the second insert of the same bill is a duplicate key — never a second bill.
 */
export function billIdFor(householdId: string, itemId: string, period: string): string {
  return `fb${period.replace('-', '')}${sha(`bill|${householdId}|${itemId}|${period}`).slice(0, 24)}`
}

export function feeItemIdFor(communityId: string, code: string): string {
  return `fi-${sha(`item|${communityId}|${code}`).slice(0, 20)}`
}

export function billRunIdFor(communityId: string, period: string): string {
  return `fr-${period}-${sha(`run|${communityId}`).slice(0, 16)}`
}

export function readingIdFor(itemId: string, householdId: string, period: string): string {
  return `mr${period.replace('-', '')}${sha(`reading|${itemId}|${householdId}`).slice(0, 24)}`
}

/** Invoice requests and reminders are keyed by (caller, requestId): a retried call finds its own record. */
export function requestScopedId(prefix: string, caller: string, requestId: string): string {
  return `${prefix}${sha(`${prefix}|${caller}|${requestId}`).slice(0, 28)}`
}

/** Receipt numbers people can read out on the phone: the payment date and 8 characters derived from the order id. */
export function receiptNoFor(orderId: string, paidDate: string): string {
  return `SJ${paidDate.replace(/-/g, '')}${sha(`receipt|${orderId}`).slice(0, 8).toUpperCase()}`
}
