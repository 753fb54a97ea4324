import type { Platform } from '../kernel/platform'
import type { MyEntry } from '../../contracts/groupbuy.contract'
import { must } from '../kernel/db-result'
import { ORDER_COLLECTIONS } from '../orders'
import type { GroupbuyCaller } from './caller-context'
import { householdViews } from '../auth'
import { iso } from './campaign-view'
import { GROUPBUY_COLLECTIONS, type CampaignDoc, type EntryDoc } from './groupbuy.model'
import { ORDER_STATUS_FIELDS, codeVisible, entryDisplay, type OrderStatusPart } from './order-details'

/** Group-buy orders of the caller's households, newest first: four reads per page whatever the history. */
export async function listMyEntries(platform: Platform, caller: GroupbuyCaller, page: { offset: number; limit: number }): Promise<{ items: MyEntry[]; hasMore: boolean }> {
  // The household's orders where the caller sees the whole household, else only their own (core/auth).
  const { wide, ownOnly } = householdViews(caller.access)
  if (wide.length + ownOnly.length === 0) return { items: [], hasMore: false }
  const db = platform.db
  const _ = db.command
  const whose = [...(wide.length ? [{ householdId: _.in(wide) }] : []), ...(ownOnly.length ? [{ householdId: _.in(ownOnly), payerOpenid: caller.access.openid }] : [])]
  const rows = must(
    await db
      .collection(GROUPBUY_COLLECTIONS.entries)
      // Entries still being reserved are not orders yet (the orders list hides their drafts too).
      .where(_.and([whose.length === 1 ? whose[0] : _.or(whose), { hold: _.in(['held', 'released']) }]))
      .orderBy('createdAt', 'desc')
      .skip(page.offset)
      .limit(page.limit + 1)
      .get(),
  ).data as EntryDoc[]
  const entries = rows.slice(0, page.limit)
  if (entries.length === 0) return { items: [], hasMore: false }
  const [campaigns, orders] = await Promise.all([
    db.collection(GROUPBUY_COLLECTIONS.campaigns).where({ _id: _.in([...new Set(entries.map((e) => e.campaignId))]) }).limit(100).get(),
    db.collection(ORDER_COLLECTIONS.orders).where({ _id: _.in(entries.map((e) => e._id)) }).field(ORDER_STATUS_FIELDS).limit(100).get(),
  ])
  const campaignById = new Map((must(campaigns).data as CampaignDoc[]).map((c) => [c._id, c]))
  const orderById = new Map((must(orders).data as OrderStatusPart[]).map((o) => [o._id, o]))
  const items = entries.flatMap((e): MyEntry[] => {
    const c = campaignById.get(e.campaignId)
    if (!c) return []
    return [
      {
        orderId: e._id,
        campaignId: e.campaignId,
        campaignTitle: c.title,
        householdId: e.householdId,
        stage: e.stage,
        orderStatus: orderById.get(e._id)?.status ?? null,
        display: entryDisplay(e, c, orderById.get(e._id)),
        lines: e.lines,
        amountFen: e.amountFen,
        pickupCode: codeVisible(e) ? e.pickupCode : null,
        pickup: { point: c.pickup.point, startsAt: iso(c.pickup.startsAt), endsAt: iso(c.pickup.endsAt) },
        createdAt: iso(e.createdAt),
        pickedUpAt: e.pickedUpAt ? iso(e.pickedUpAt) : null,
      },
    ]
  })
  return { items, hasMore: rows.length > page.limit }
}
