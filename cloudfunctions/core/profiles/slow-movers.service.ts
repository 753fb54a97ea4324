import type { ActionContext } from '../kernel/action-context'
import { DomainError } from '../kernel/domain-error'
import { must } from '../kernel/db-result'
import { skuSellThrough } from '../groupbuy'
import { authorize } from '../auth'
import { INTERACTION_COLLECTION } from './interaction.model'
import { ITEM_COLLECTION, categoryFromTitle, type ItemDoc } from './item-catalog'
import { loadProfileSettings } from './profile-settings'
import { SEGMENT_COLLECTIONS, type PushDoc } from './segment.model'

const DAY_MS = 86_400_000
/** 动销率 compares this many days before the first targeted push with as many days after it. */
export const SELL_WINDOW_DAYS = 7

/**
 * May the detector flag this SKU again after ops cleared it? Only once a full window (SELL_WINDOW_DAYS)
 * has passed since the clearing and it is still slow, or earlier if it got worse: its sell-through fell
 * below what it was when cleared (refunds gave units back). Dismissing a flag is an ops decision the
 * detector must not undo on the next report.
 */
export function redetectable(cleared: ItemDoc['cleared'], sellThrough: number, now: Date): boolean {
  if (!cleared) return true
  return now.getTime() - new Date(cleared.at).getTime() >= SELL_WINDOW_DAYS * DAY_MS || sellThrough < cleared.sellThrough
}

/**
 * Slow movers of a community: SKUs on sale for at least `slowAfterDays` whose sell-through (taken / stock)
 * is below the threshold are flagged by the detector; ops may flag or clear any SKU by hand (an ops flag
 * wins over the detector). Then, per flagged SKU, orders in the 7 days before its first targeted push and
 * in the 7 days after, and 动销率 — the share of flagged SKUs that sold at all — before and after.
 */
export async function slowMoverReport(ctx: ActionContext, communityId: string) {
  authorize(await ctx.access(), 'community.manage', { communityId })
  const db = ctx.platform.db
  const _ = db.command
  const now = ctx.now()
  const settings = await loadProfileSettings(db, communityId)
  const skus = await skuSellThrough(db, communityId)
  const items = skus.length
    ? (must(await db.collection(ITEM_COLLECTION).where({ _id: _.in(skus.map((s) => s.skuId)) }).limit(1000).get()).data as ItemDoc[])
    : []
  const known = new Map(items.map((i) => [i._id, i]))
  const pushes = must(await db.collection(SEGMENT_COLLECTIONS.pushes).where({ communityId }).orderBy('at', 'asc').limit(1000).get()).data as PushDoc[]
  const rows = []
  for (const sku of skus) {
    const sellThrough = sku.stock > 0 ? Math.round((sku.sold / sku.stock) * 1000) / 1000 : 0
    const onSaleDays = (now.getTime() - sku.onSaleSince.getTime()) / DAY_MS
    let item = known.get(sku.skuId)
    const detected = sku.status === 'open' && onSaleDays >= settings.slowAfterDays && sellThrough < settings.slowSellThrough && redetectable(item?.cleared, sellThrough, now)
    if (detected && !item?.slow) {
      const doc: Omit<ItemDoc, '_id'> = {
        communityId,
        title: sku.title,
        category: item?.category ?? categoryFromTitle(sku.title),
        categorySource: item?.categorySource ?? 'title',
        slow: { by: 'detector', at: now, sellThrough },
        cleared: null,
        updatedAt: now,
      }
      must(await db.collection(ITEM_COLLECTION).doc(sku.skuId).set(doc))
      item = { _id: sku.skuId, ...doc }
    }
    if (!item?.slow) continue
    const firstPush = pushes.find((p) => p.itemIds.includes(sku.skuId) || p.campaignId === sku.campaignId)
    let before: number | null = null
    let after: number | null = null
    if (firstPush) {
      const t = new Date(firstPush.at).getTime()
      const w = SELL_WINDOW_DAYS * DAY_MS
      const count = async (from: number, to: number) =>
        must(await db.collection(INTERACTION_COLLECTION).where({ communityId, itemId: sku.skuId, kind: 'purchase', at: _.and(_.gte(new Date(from)), _.lt(new Date(to))) }).count()).total
      before = await count(t - w, t)
      after = await count(t, t + w)
    }
    rows.push({
      skuId: sku.skuId,
      title: sku.title,
      campaignId: sku.campaignId,
      campaignTitle: sku.campaignTitle,
      stock: sku.stock,
      sold: sku.sold,
      sellThrough,
      flaggedBy: item.slow.by,
      firstPushAt: firstPush ? new Date(firstPush.at).toISOString() : null,
      ordersBefore: before,
      ordersAfter: after,
    })
  }
  const pushed = rows.filter((r) => r.firstPushAt)
  const share = (n: number) => (pushed.length ? Math.round((n / pushed.length) * 1000) / 1000 : null)
  return {
    threshold: settings.slowSellThrough,
    windowDays: SELL_WINDOW_DAYS,
    items: rows,
    sellRateBefore: share(pushed.filter((r) => (r.ordersBefore ?? 0) > 0).length),
    sellRateAfter: share(pushed.filter((r) => (r.ordersAfter ?? 0) > 0).length),
  }
}

/** Ops flag (or clear) a SKU as a slow mover by hand. */
export async function markSlowMover(ctx: ActionContext, input: { communityId: string; skuId: string; slow: boolean }) {
  authorize(await ctx.access(), 'community.manage', { communityId: input.communityId })
  const db = ctx.platform.db
  const sku = (await skuSellThrough(db, input.communityId)).find((s) => s.skuId === input.skuId)
  if (!sku) throw new DomainError('PROFILE.ITEM_NOT_FOUND')
  const now = ctx.now()
  const existing = (must(await db.collection(ITEM_COLLECTION).doc(input.skuId).get()).data as ItemDoc[])[0]
  const sellThrough = sku.stock ? Math.round((sku.sold / sku.stock) * 1000) / 1000 : 0
  const doc: Omit<ItemDoc, '_id'> = {
    communityId: input.communityId,
    title: sku.title,
    category: existing?.category ?? categoryFromTitle(sku.title),
    categorySource: existing?.categorySource ?? 'title',
    slow: input.slow ? { by: 'ops', at: now, sellThrough } : null,
    // Clearing remembers when and at what sell-through, so the detector does not flag it straight back.
    cleared: input.slow ? null : { at: now, sellThrough },
    updatedAt: now,
  }
  must(await db.collection(ITEM_COLLECTION).doc(input.skuId).set(doc))
  return { skuId: input.skuId, slow: input.slow }
}
