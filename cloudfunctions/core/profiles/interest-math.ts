/**
 * The arithmetic of interest scores, free of any database so the hand-computed test can pin it.
 *
 * score(h, c, now) = Σ_i weight_i × similarity(item_i, c) × 0.5^((now − at_i) / halfLife)
 *
 * Every term decays by the same factor per unit of time, so the sum does too: a stored score never goes
 * stale, it only needs the elapsed time applied. We store it as a base-2 "level" against a fixed epoch,
 *   level = log2( Σ_i weight_i × sim_i × 2^((at_i − epoch) / halfLife) ),
 * so score(now) = 2^(level − (now − epoch)/halfLife), and "score ≥ x" is the index-friendly range
 * level ≥ log2(x) + (now − epoch)/halfLife. The sum is taken in log space (log-sum-exp), so years of
 * half-lives neither overflow nor lose precision.
 */
export const SCORE_EPOCH = Date.UTC(2026, 0, 1)
const DAY_MS = 86_400_000

export interface ScoredTerm {
  weight: number
  similarity: number
  at: Date
}

/** 0.5^(age / halfLife); an interaction dated in the future counts as now. */
export function decay(ageMs: number, halfLifeDays: number): number {
  return Math.pow(0.5, Math.max(0, ageMs) / (halfLifeDays * DAY_MS))
}

const exponent = (at: Date, halfLifeDays: number) => (at.getTime() - SCORE_EPOCH) / (halfLifeDays * DAY_MS)

/** The stored level of a sum of terms; null when nothing contributes. */
export function levelOf(terms: readonly ScoredTerm[], halfLifeDays: number): number | null {
  const live = terms.filter((t) => t.weight > 0 && t.similarity > 0)
  if (live.length === 0) return null
  const exps = live.map((t) => exponent(t.at, halfLifeDays) + Math.log2(t.weight * t.similarity))
  const m = Math.max(...exps)
  return m + Math.log2(exps.reduce((s, e) => s + Math.pow(2, e - m), 0))
}

/** The score a level stands for at `now`. */
export function scoreAt(level: number, now: Date, halfLifeDays: number): number {
  return Math.pow(2, level - (now.getTime() - SCORE_EPOCH) / (halfLifeDays * DAY_MS))
}

/** The smallest level whose score at `now` is at least `minScore` (for segment queries). */
export function levelFloor(minScore: number, now: Date, halfLifeDays: number): number {
  return Math.log2(minScore) + (now.getTime() - SCORE_EPOCH) / (halfLifeDays * DAY_MS)
}

/** The direct sum, for tests and checks: what levelOf + scoreAt must agree with. */
export function directScore(terms: readonly ScoredTerm[], now: Date, halfLifeDays: number): number {
  return terms.reduce((s, t) => s + t.weight * t.similarity * decay(now.getTime() - t.at.getTime(), halfLifeDays), 0)
}

/**
 * Item–item cosine over households: |buyers(a) ∩ buyers(b)| / sqrt(|buyers(a)| × |buyers(b)|), with each
 * household counted once per item however often it bought it (binary vectors: "bought it", not "how much").
 */
export function cosine(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  let both = 0
  for (const h of small) if (large.has(h)) both++
  return both / Math.sqrt(a.size * b.size)
}

/**
 * similarity(item, category) for every category, from the community's buyers per item:
 * - the item's own category: 1;
 * - another category c: the highest cosine between the item and any item of c (the neighbour that best
 *   says "people who buy this also buy c"), when the item has at least `minBuyers` buyers;
 * - a new item (fewer buyers, or no item id at all): its own category only — the category fallback.
 */
export function categorySimilarities(
  buyersByItem: ReadonlyMap<string, ReadonlySet<string>>,
  categoryOfItem: ReadonlyMap<string, string>,
  minBuyers: number,
): Map<string, Record<string, number>> {
  const itemsByCategory = new Map<string, string[]>()
  for (const [item, cat] of categoryOfItem) itemsByCategory.set(cat, [...(itemsByCategory.get(cat) ?? []), item])
  const out = new Map<string, Record<string, number>>()
  for (const [item, own] of categoryOfItem) {
    const sims: Record<string, number> = { [own]: 1 }
    const buyers = buyersByItem.get(item) ?? new Set<string>()
    if (buyers.size >= minBuyers) {
      for (const [cat, items] of itemsByCategory) {
        if (cat === own) continue
        let best = 0
        for (const other of items) {
          const ob = buyersByItem.get(other)
          if (ob && ob.size >= minBuyers) best = Math.max(best, cosine(buyers, ob))
        }
        if (best > 0) sims[cat] = Math.round(best * 1e6) / 1e6
      }
    }
    out.set(item, sims)
  }
  return out
}
