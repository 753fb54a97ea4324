import type { RowChange } from './db-checkpoint'

/**
 * What a run changed, in a form two runs of the same action can be compared by: generated ids, random
 * codes and timestamps differ between runs by design, so they are masked; everything else (statuses,
 * amounts, counters, which documents exist) must match.
 */
const RANDOM_FIELDS = new Set(['nonceStr', 'paySign', 'prepayId', 'package', 'timeStamp', 'code', 'shareToken', 'pickupCode', 'transactionId', 'requestId', 'receiptNo', 'invoiceNo', 'token'])

function looksGenerated(s: string): boolean {
  // 12+ hex, a long mixed token (base36/base64url ids, request ids, hashes), or an 8-character random code.
  return /[0-9a-f]{12,}/i.test(s) || (s.length >= 16 && /\d/.test(s) && /[A-Za-z]/.test(s) && !/\s/.test(s)) || /^[A-Z0-9]{8}$/.test(s)
}

function mask(value: unknown, key = ''): unknown {
  if (value instanceof Date) return '<date>'
  if (value === null || value === undefined) return value
  if (Array.isArray(value)) return value.map((v) => mask(v))
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const k of Object.keys(value as object).sort()) out[k] = mask((value as Record<string, unknown>)[k], k)
    return out
  }
  if (typeof value === 'string') {
    if (RANDOM_FIELDS.has(key)) return '<rnd>'
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return '<date>'
    return looksGenerated(value) ? '<id>' : value
  }
  return value
}

/**
 * A store's own bookkeeping that two runs with the same outcome may differ in, masked per collection. The
 * outbox event keeps how many rounds failed (attempts, lastError; nextAt/doneAt are times) and lists its
 * effects in the order they succeeded: a run whose inline round failed ends with the same event — done,
 * with the same effects — but counts the failed round, and may list the effects in another order. What the
 * effects wrote is compared in full, so a lost or doubled effect still shows.
 */
const BOOKKEEPING: Record<string, (doc: Record<string, unknown>) => Record<string, unknown>> = {
  outbox_events: (doc) => ({ ...doc, attempts: '<attempts>', lastError: doc.lastError == null ? null : '<error>', done: [...((doc.done as string[]) ?? [])].sort() }),
}

/** One line per changed row: updates keyed by their (stable) id, inserts and deletes by masked content. */
export function deltaLines(changes: RowChange[]): string[] {
  return changes
    .map((c) => {
      const kind = c.before && c.after ? 'update' : c.after ? 'insert' : 'delete'
      const id = kind === 'update' || !looksGenerated(c.id) ? c.id : '<id>'
      const doc = (c.after ?? c.before) as Record<string, unknown>
      const own = BOOKKEEPING[c.collection]
      return `${c.collection} ${kind} ${id} ${JSON.stringify(mask(own ? own(doc) : doc))}`
    })
    .sort()
}

/** Differences between two deltas, as readable lines (empty = the same change). */
export function diffDeltas(expected: string[], actual: string[]): string[] {
  const left = [...expected]
  const extra: string[] = []
  for (const line of actual) {
    const i = left.indexOf(line)
    if (i >= 0) left.splice(i, 1)
    else extra.push(line)
  }
  return [...left.map((l) => `  missing: ${l.slice(0, 400)}`), ...extra.map((l) => `  unexpected: ${l.slice(0, 400)}`)]
}
