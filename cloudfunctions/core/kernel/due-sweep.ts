/**
 * The shape of every "what is due now" timer (unpaid orders past their time, outbox events whose retry
 * time came): read the oldest due batch, claim and handle each document, read again, until nothing new is
 * due or the run's budget is spent. It keeps no state of its own: the documents are the state, so a crash
 * anywhere leaves them due for the next run, and overlapping runs are kept apart by each document's claim
 * (a conditional write: a lease, or the state change itself).
 *
 * A document is handled at most once per run: one that is still due afterwards (it failed and waits for
 * its back-off, another run holds it) is left for a later run instead of being retried in a hot loop.
 */
export interface DueSweep<T extends { _id: string }, Outcome extends string> {
  now(): Date
  /** The oldest due documents at `now`, one batch. */
  due(now: Date): Promise<T[]>
  /**
   * Take the document for this run (e.g. a lease: a conditional update of its retry time). Null when
   * another run has it, counted as `skipped`. Without a claim step, `handle` must be safe to race.
   */
  claim?(doc: T, now: Date): Promise<T | null>
  /** Do the work; the outcome names the counter it adds to. Throwing ends the run (a crash). */
  handle(doc: T, now: Date): Promise<Outcome>
  /** Stop before reading another batch once this wall-clock time (epoch ms) has passed. */
  endsAt?: number
  /** Stop before reading another batch once this many documents were looked at. */
  maxItems?: number
}

export type SweepCounts<Outcome extends string> = Record<Outcome | 'skipped', number>

export async function sweepDue<T extends { _id: string }, Outcome extends string>(sweep: DueSweep<T, Outcome>, outcomes: readonly Outcome[]): Promise<SweepCounts<Outcome>> {
  const counts = Object.fromEntries([...outcomes, 'skipped'].map((o) => [o, 0])) as SweepCounts<Outcome>
  const seen = new Set<string>()
  const inBudget = () => (sweep.endsAt === undefined || Date.now() < sweep.endsAt) && (sweep.maxItems === undefined || seen.size < sweep.maxItems)
  while (inBudget()) {
    const now = sweep.now()
    const batch = (await sweep.due(now)).filter((doc) => !seen.has(doc._id))
    if (batch.length === 0) break
    for (const found of batch) {
      seen.add(found._id)
      const doc = sweep.claim ? await sweep.claim(found, now) : found
      if (!doc) {
        counts.skipped += 1
        continue
      }
      counts[await sweep.handle(doc, now)] += 1
    }
  }
  return counts
}
