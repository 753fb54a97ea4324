import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import timezone from 'dayjs/plugin/timezone'
import type { Platform } from '../kernel/platform'
import type { TodayPickups } from '../../contracts/groupbuy.contract'
import { must } from '../kernel/db-result'
import type { CallerAccess } from '../auth'
import { COLLECTIONS } from '../households'
import { householdLabel, type CommunityDoc, type HouseholdDoc } from '../households'
import { GROUPBUY_COLLECTIONS, type CampaignDoc, type EntryDoc } from './groupbuy.model'
import { contactText, pickLines, pickStatus, pickupCommunities } from './pickup-lookup'

dayjs.extend(utc)
dayjs.extend(timezone)

const ZONE = 'Asia/Shanghai'

/**
 * 今日待提: formed campaigns of the caller's communities whose pickup window touches today (Asia/Shanghai),
 * with their orders grouped by pickup point; waiting ones first. Four reads whatever the number of orders
 * (a community's day of pickups stays well under the 1000-document read limit).
 */
export async function todayPickups(platform: Platform, access: CallerAccess, input: { point?: string }): Promise<TodayPickups> {
  const db = platform.db
  const _ = db.command
  const worksIn = [...pickupCommunities(access)]
  const today = dayjs(platform.clock.now()).tz(ZONE)
  const start = today.startOf('day').toDate()
  const end = today.endOf('day').toDate()
  const campaigns = must(
    await db
      .collection(GROUPBUY_COLLECTIONS.campaigns)
      .where({ communityId: _.in(worksIn), outcome: 'formed', 'pickup.startsAt': _.lte(end), 'pickup.endsAt': _.gte(start) })
      .limit(100)
      .get(),
  ).data as CampaignDoc[]
  const shown = input.point ? campaigns.filter((c) => c.pickup.point === input.point) : campaigns
  if (shown.length === 0) return { day: today.format('YYYY-MM-DD'), points: [] }
  const entries = must(
    await db
      .collection(GROUPBUY_COLLECTIONS.entries)
      .where({ campaignId: _.in(shown.map((c) => c._id)), stage: _.in(['awaiting_pickup', 'picked_up']) })
      .limit(1000)
      .get(),
  ).data as EntryDoc[]
  const [households, communities] = await Promise.all([
    entries.length ? db.collection(COLLECTIONS.households).where({ _id: _.in([...new Set(entries.map((e) => e.householdId))]) }).limit(1000).get() : Promise.resolve({ data: [] }),
    db.collection(COLLECTIONS.communities).where({ _id: _.in(worksIn) }).limit(100).get(),
  ])
  const hById = new Map((must(households).data as HouseholdDoc[]).map((h) => [h._id, h]))
  const nameOf = new Map((must(communities).data as CommunityDoc[]).map((c) => [c._id, c.name]))

  const points = [...new Set(shown.map((c) => c.pickup.point))].map((point) => {
    const here = shown.filter((c) => c.pickup.point === point)
    const ids = new Set(here.map((c) => c._id))
    const rows = entries
      .filter((e) => ids.has(e.campaignId))
      .map((e) => {
        const h = hById.get(e.householdId)
        return {
          orderId: e._id,
          householdLabel: h ? householdLabel(nameOf.get(e.communityId) ?? '', h).trim() : '',
          contact: contactText(e, h),
          lines: pickLines(e),
          status: pickStatus(e),
        }
      })
      .sort((a, b) => Number(a.status === 'picked_up') - Number(b.status === 'picked_up') || a.householdLabel.localeCompare(b.householdLabel, 'zh'))
    return {
      point,
      campaigns: here.map((c) => ({ campaignId: c._id, title: c.title, window: { startsAt: new Date(c.pickup.startsAt).toISOString(), endsAt: new Date(c.pickup.endsAt).toISOString() } })),
      waiting: rows.filter((r) => r.status !== 'picked_up').length,
      done: rows.filter((r) => r.status === 'picked_up').length,
      entries: rows,
    }
  })
  return { day: today.format('YYYY-MM-DD'), points }
}
