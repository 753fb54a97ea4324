import type { Platform } from '../kernel/platform'
import type { PollView } from '../../contracts/groupbuy-poll.schemas'
import { must } from '../kernel/db-result'
import { forbidden } from '../kernel/domain-error'
import { can, type CallerAccess } from '../auth'
import { imageUrls } from './campaign-view'
import { groupbuyError } from './groupbuy-errors'
import { GROUPBUY_COLLECTIONS, PARTICIPATING_STAGES, type EntryDoc } from './groupbuy.model'
import type { IntentDoc, PollDoc } from './poll.model'

const iso = (d: Date | string) => new Date(d).toISOString()

/**
 * A poll as a resident or staff member sees it. Staff also get the intent → paid order conversion: of the
 * households that registered, how many paid an order in the sourced campaign.
 */
export async function pollView(platform: Platform, access: CallerAccess, pollId: string): Promise<PollView> {
  const poll = (must(await platform.db.collection(GROUPBUY_COLLECTIONS.polls).doc(pollId).get()).data as PollDoc[])[0]
  if (!poll || !canSee(access, poll.communityId)) throw groupbuyError('GROUPBUY.POLL_NOT_FOUND')
  return (await pollViews(platform, access, [poll]))[0]
}

export async function listPolls(platform: Platform, access: CallerAccess, communityId: string | undefined): Promise<{ items: PollView[] }> {
  const community = communityId ?? access.memberships[0]?.communityId ?? access.staff[0]?.communityId
  if (!community) return { items: [] }
  if (!canSee(access, community)) throw forbidden()
  const polls = must(await platform.db.collection(GROUPBUY_COLLECTIONS.polls).where({ communityId: community }).orderBy('deadline', 'desc').limit(20).get()).data as PollDoc[]
  return { items: await pollViews(platform, access, polls) }
}

function canSee(access: CallerAccess, communityId: string): boolean {
  return can(access, 'community.read', { communityId })
}

async function pollViews(platform: Platform, access: CallerAccess, polls: PollDoc[]): Promise<PollView[]> {
  if (polls.length === 0) return []
  const db = platform.db
  const _ = db.command
  const ids = polls.map((p) => p._id)
  const campaignIds = polls.flatMap((p) => (p.campaignId ? [p.campaignId] : []))
  const [intentsRes, paidRes, urls] = await Promise.all([
    db.collection(GROUPBUY_COLLECTIONS.intents).where({ pollId: _.in(ids), status: 'active' }).limit(1000).get(),
    campaignIds.length
      ? db.collection(GROUPBUY_COLLECTIONS.entries).where({ campaignId: _.in(campaignIds), stage: _.in([...PARTICIPATING_STAGES, 'refund_pending', 'refunded']) }).field({ campaignId: true, householdId: true }).limit(1000).get()
      : Promise.resolve({ data: [] }),
    imageUrls(platform, polls.flatMap((p) => (p.image ? [p.image] : []))),
  ])
  const intents = must(intentsRes).data as IntentDoc[]
  const paid = must(paidRes).data as Pick<EntryDoc, 'campaignId' | 'householdId'>[]
  const mine = new Set(access.memberships.map((m) => m.householdId))
  const now = platform.clock.now()
  return polls.map((p) => {
    const own = intents.filter((i) => i.pollId === p._id)
    const households = own.length
    const my = own.find((i) => mine.has(i.householdId))
    const isStaff = can(access, 'community.lead', { communityId: p.communityId })
    const registered = new Set(own.map((i) => i.householdId))
    const converted = new Set(paid.filter((e) => e.campaignId === p.campaignId && registered.has(e.householdId)).map((e) => e.householdId)).size
    return {
      pollId: p._id,
      communityId: p.communityId,
      title: p.title,
      description: p.description,
      spec: p.spec,
      imageUrl: p.image ? urls[p.image] ?? null : null,
      targetPriceFen: p.targetPriceFen,
      originalPriceFen: p.originalPriceFen,
      targetHouseholds: p.targetHouseholds,
      households,
      missing: Math.max(0, p.targetHouseholds - households),
      deadline: iso(p.deadline),
      status: p.status === 'sourcing' ? 'open' : p.status,
      campaignId: p.status === 'sourced' ? p.campaignId : null,
      payBy: p.payBy ? iso(p.payBy) : null,
      myIntent: my ? { householdId: my.householdId, quantity: my.quantity } : null,
      canRegister: p.status === 'open' && now < new Date(p.deadline) && can(access, 'community.resident', { communityId: p.communityId }),
      conversion: isStaff ? { intents: households, paid: converted, rate: households ? Math.round((converted / households) * 1000) / 1000 : 0 } : null,
    }
  })
}
