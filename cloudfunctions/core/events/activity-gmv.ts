import type { Db } from '@cloudbase/database'
import { must } from '../kernel/db-result'
import { ORDER_COLLECTIONS, type OrderDoc } from '../orders'
import { GROUPBUY_COLLECTIONS, type CampaignDoc, type EntryDoc } from '../groupbuy'
import { EVENT_COLLECTIONS, settingsIdOf, type ActivityRef, type ActivitySettingsDoc, type EventCategory, type EventDoc, type SignupDoc } from './event.model'
import { communityRoiSettings, marginRateOf, type RoiSettingsView } from './roi-settings'

/** Orders that brought money in; a refunded part is taken off through refundedFen. */
const PAID_STATUSES = ['paid', 'fulfilled', 'completed', 'refunding', 'refunded']
/**
 * What an activity can be credited with: sales (group buys and paid services). A fee payment is owed
 * whatever an activity does, so it is never attributed and carries no margin (docs/events.md).
 */
const ATTRIBUTABLE_TYPES = ['groupbuy', 'service']
const netFen = (o: OrderDoc) => Math.max(0, (o.paidFen ?? 0) - (o.refundedFen ?? 0))
const DAY_MS = 24 * 3600_000
const CHUNK = 100

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

async function byIds<T>(db: Db, collection: string, ids: string[], fields?: Record<string, boolean>): Promise<T[]> {
  const _ = db.command
  const out: T[] = []
  for (const part of chunks([...new Set(ids)])) {
    let q = db.collection(collection).where({ _id: _.in(part) })
    if (fields) q = q.field(fields)
    out.push(...(must(await q.limit(CHUNK).get()).data as T[]))
  }
  return out
}

/** Every match of a query, 1000 at a time (CloudBase's cap per get), in _id order so pages never overlap. */
async function readAll<T>(db: Db, collection: string, where: Record<string, unknown>, fields?: Record<string, boolean>): Promise<T[]> {
  const out: T[] = []
  for (let skip = 0; ; skip += 1000) {
    let q = db.collection(collection).where(where).orderBy('_id', 'asc')
    if (fields) q = q.field(fields)
    const page = must(await q.skip(skip).limit(1000).get()).data as T[]
    out.push(...page)
    if (page.length < 1000) return out
  }
}

export interface ActivityInfo {
  ref: ActivityRef
  title: string
  communityId: string
  category: EventCategory | null
  /** The activity's own margin rate, when ops set one; else each order's category rate (roi-settings.ts). */
  ownMarginRateBp: number | null
  attributionDays: number
  roi: RoiSettingsView
  at: Date
  event?: EventDoc
}

/** Titles, categories and ROI settings of activities; unknown ids are simply absent. */
export async function activityInfos(db: Db, refs: ActivityRef[]): Promise<Map<string, ActivityInfo>> {
  const key = (r: ActivityRef) => `${r.kind}.${r.id}`
  const settings = new Map((await byIds<ActivitySettingsDoc>(db, EVENT_COLLECTIONS.settings, refs.map(settingsIdOf))).map((s) => [s._id, s]))
  const events = await byIds<EventDoc>(db, EVENT_COLLECTIONS.events, refs.filter((r) => r.kind === 'event').map((r) => r.id), { holders: false, waiting: false })
  const campaigns = await byIds<CampaignDoc & { category?: EventCategory }>(db, GROUPBUY_COLLECTIONS.campaigns, refs.filter((r) => r.kind === 'campaign').map((r) => r.id))
  const communities = new Map<string, RoiSettingsView>()
  for (const id of new Set([...events, ...campaigns].map((x) => x.communityId))) communities.set(id, await communityRoiSettings(db, id))
  const out = new Map<string, ActivityInfo>()
  const own = (s: ActivitySettingsDoc | undefined, roi: RoiSettingsView) => ({ ownMarginRateBp: s?.marginRateBp ?? null, attributionDays: s?.attributionDays ?? roi.attributionDays, roi })
  for (const e of events) {
    const ref: ActivityRef = { kind: 'event', id: e._id }
    out.set(key(ref), { ref, title: e.title, communityId: e.communityId, category: e.category, ...own(settings.get(key(ref)), communities.get(e.communityId)!), at: new Date(e.startsAt), event: e })
  }
  for (const c of campaigns) {
    const ref: ActivityRef = { kind: 'campaign', id: c._id }
    const s = settings.get(key(ref))
    // A campaign's own category field (when the group-buy area has one) wins over the one ops set here.
    out.set(key(ref), { ref, title: c.title, communityId: c.communityId, category: c.category ?? s?.category ?? null, ...own(s, communities.get(c.communityId)!), at: new Date(c.createdAt) })
  }
  return out
}

export interface Gmv {
  gmvFen: number
  /** Σ over the margin rates met of round(net GMV at that rate × rate): one rounding per rate, in fen. */
  marginFen: number
  orders: number
  /** Of which paid service orders (the rest are group buys). */
  serviceOrders: number
  attendees: number | null
}

/** The margin of counted orders: each at the activity's own rate, else its category's rate. */
function withMargin(info: ActivityInfo, counted: { order: OrderDoc; category: EventCategory | null }[], attendees: number | null): Gmv {
  const byRate = new Map<number, number>()
  for (const { order, category } of counted) {
    const rate = info.ownMarginRateBp ?? marginRateOf(info.roi, category)
    byRate.set(rate, (byRate.get(rate) ?? 0) + netFen(order))
  }
  let marginFen = 0
  for (const [rate, fen] of byRate) marginFen += Math.round((fen * rate) / 10_000)
  return {
    gmvFen: counted.reduce((a, c) => a + netFen(c.order), 0),
    marginFen,
    orders: counted.length,
    serviceOrders: counted.filter((c) => c.order.type === 'service').length,
    attendees,
  }
}

/** A campaign's own orders: its group-buy entries, at what was paid and kept. */
async function campaignGmv(db: Db, info: ActivityInfo): Promise<Gmv> {
  const entries = await readAll<Pick<EntryDoc, '_id'>>(db, GROUPBUY_COLLECTIONS.entries, { campaignId: info.ref.id }, { _id: true })
  const orders = (await byIds<OrderDoc>(db, ORDER_COLLECTIONS.orders, entries.map((e) => e._id))).filter((o) => PAID_STATUSES.includes(o.status))
  return withMargin(info, orders.map((order) => ({ order, category: info.category })), null)
}

/**
 * The category of each attributable order: a group buy's from its campaign (the campaign's field, else the
 * ops setting); a paid service's from its service item (the community's ROI settings); else none.
 */
async function categoriesOfOrders(db: Db, info: ActivityInfo, orders: OrderDoc[]): Promise<Map<string, EventCategory | null>> {
  const gb = orders.filter((o) => o.type === 'groupbuy')
  const entries = await byIds<Pick<EntryDoc, '_id' | 'campaignId'>>(db, GROUPBUY_COLLECTIONS.entries, gb.map((o) => o._id), { _id: true, campaignId: true })
  const campaignIds = [...new Set(entries.map((e) => e.campaignId))]
  const infos = await activityInfos(db, campaignIds.map((id) => ({ kind: 'campaign', id })))
  const byEntry = new Map(entries.map((e) => [e._id, infos.get(`campaign.${e.campaignId}`)?.category ?? null]))
  const serviceCategory = (o: OrderDoc) => {
    const line = o.lines.find((l) => l.refType === 'service_item')
    return line ? info.roi.serviceCategories[line.refId] ?? null : null
  }
  return new Map(orders.map((o) => [o._id, o.type === 'service' ? serviceCategory(o) : byEntry.get(o._id) ?? null]))
}

/**
 * An event's attributable GMV (docs/events.md): paid group-buy and service orders of households that
 * checked in, placed from the event's start until `attributionDays` after its end, in the event's
 * category; net of refunds.
 */
async function eventGmv(db: Db, info: ActivityInfo): Promise<Gmv> {
  const event = info.event!
  const _ = db.command
  const attended = await readAll<Pick<SignupDoc, 'householdId'>>(db, EVENT_COLLECTIONS.signups, { eventId: event._id, status: 'signed', checkInAt: _.neq(null) }, { householdId: true })
  const households = attended.map((s) => s.householdId)
  const from = new Date(event.startsAt)
  const to = new Date(new Date(event.endsAt).getTime() + info.attributionDays * DAY_MS)
  const orders: OrderDoc[] = []
  for (const part of chunks(households)) {
    orders.push(
      ...(await readAll<OrderDoc>(db, ORDER_COLLECTIONS.orders, { householdId: _.in(part), listed: true, createdAt: _.gte(from).and(_.lt(to)), status: _.in(PAID_STATUSES), type: _.in(ATTRIBUTABLE_TYPES) })),
    )
  }
  const categories = await categoriesOfOrders(db, info, orders)
  const hits = orders.filter((o) => categories.get(o._id) === event.category)
  return withMargin(info, hits.map((order) => ({ order, category: event.category })), households.length)
}

export async function gmvOf(db: Db, info: ActivityInfo): Promise<Gmv> {
  return info.ref.kind === 'event' ? eventGmv(db, info) : campaignGmv(db, info)
}

/** The rate a report shows for an activity: its own, else its category's (orders are counted only in it). */
export const shownRateBp = (info: ActivityInfo) => info.ownMarginRateBp ?? marginRateOf(info.roi, info.category)
