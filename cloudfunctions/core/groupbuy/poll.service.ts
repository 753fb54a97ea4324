import { randomBytes } from 'node:crypto'
import type { Platform } from '../kernel/platform'
import type { OpenPollInput, PollView } from '../../contracts/groupbuy-poll.schemas'
import { must } from '../kernel/db-result'
import { forbidden } from '../kernel/domain-error'
import { can, type CallerAccess } from '../auth'
import { checkFiles } from '../storage'
import { storageOf } from '../kernel/ports/storage.port'
import { CAMPAIGN_IMAGE_RULES } from './campaign-admin.service'
import { groupbuyError } from './groupbuy-errors'
import { GROUPBUY_COLLECTIONS } from './groupbuy.model'
import { activeIntents, failPoll, sourcePoll } from './poll-sourcing'
import { intentId, type IntentDoc, type PollDoc } from './poll.model'
import { pollView } from './poll.query'

const HOUR = 3600_000

export function assertStaffOf(access: CallerAccess, communityId: string): void {
  if (!can(access, 'community.lead', { communityId })) throw forbidden('只有本小区的网格管家或物业运营可以操作')
}

export async function loadPoll(platform: Platform, pollId: string): Promise<PollDoc> {
  const poll = (must(await platform.db.collection(GROUPBUY_COLLECTIONS.polls).doc(pollId).get()).data as PollDoc[])[0]
  if (!poll) throw groupbuyError('GROUPBUY.POLL_NOT_FOUND')
  return poll
}

/** Everything is checked before the one write: schedule (pickup after the pay window), image. */
export async function openPoll(platform: Platform, access: CallerAccess, input: OpenPollInput): Promise<{ pollId: string }> {
  assertStaffOf(access, input.communityId)
  const now = platform.clock.now()
  const deadline = new Date(input.deadline)
  const pickup = { point: input.pickup.point, startsAt: new Date(input.pickup.startsAt), endsAt: new Date(input.pickup.endsAt) }
  const latestPayBy = deadline.getTime() + input.payWindowHours * HOUR
  if (deadline <= now || pickup.startsAt.getTime() < latestPayBy || pickup.endsAt <= pickup.startsAt) throw groupbuyError('GROUPBUY.INVALID_SCHEDULE', '时间设置不合理：截止须晚于现在，自提须在付款期结束之后')
  if (input.originalPriceFen !== undefined && input.originalPriceFen <= input.targetPriceFen) throw groupbuyError('GROUPBUY.INVALID_SCHEDULE', '划线价须高于目标价')
  if (input.image) await checkFiles(storageOf(platform), [input.image], CAMPAIGN_IMAGE_RULES)
  const poll: PollDoc = {
    _id: `gpoll_${randomBytes(8).toString('hex')}`,
    communityId: input.communityId,
    title: input.title,
    description: input.description,
    spec: input.spec,
    image: input.image ?? null,
    targetPriceFen: input.targetPriceFen,
    originalPriceFen: input.originalPriceFen ?? null,
    targetHouseholds: input.targetHouseholds,
    limitPerHousehold: input.limitPerHousehold,
    deadline,
    payWindowHours: input.payWindowHours,
    pickup,
    status: 'open',
    campaignId: null,
    payBy: null,
    decidedAt: null,
    createdBy: access.openid,
    createdAt: now,
  }
  must(await platform.db.collection(GROUPBUY_COLLECTIONS.polls).add(poll))
  return { pollId: poll._id }
}

function assertMember(access: CallerAccess, poll: PollDoc, householdId: string): void {
  const m = access.memberships.find((x) => x.householdId === householdId)
  if (!m) throw forbidden('只能为自己绑定的房屋登记')
  if (m.communityId !== poll.communityId) throw groupbuyError('GROUPBUY.WRONG_COMMUNITY')
}

/**
 * A household says it wants `quantity` (no payment). The intent is one document per household, so
 * registering twice changes the quantity, never the count. Whoever's intent reaches the target moves the
 * poll open → sourcing in one conditional update and sources the campaign; concurrent registrations that
 * also see the target lose that update and do nothing more.
 */
export async function registerIntent(platform: Platform, access: CallerAccess, input: { pollId: string; householdId: string; quantity: number }): Promise<{ poll: PollView }> {
  const db = platform.db
  let poll = await loadPoll(platform, input.pollId)
  assertMember(access, poll, input.householdId)
  const now = platform.clock.now()
  if (poll.status !== 'open' || now >= new Date(poll.deadline)) throw groupbuyError('GROUPBUY.POLL_CLOSED')
  if (input.quantity > poll.limitPerHousehold) throw groupbuyError('GROUPBUY.LIMIT_EXCEEDED', `每户最多登记 ${poll.limitPerHousehold} 份`)
  const intent: Omit<IntentDoc, '_id'> = { pollId: poll._id, communityId: poll.communityId, householdId: input.householdId, openid: access.openid, quantity: input.quantity, status: 'active', at: now }
  must(await db.collection(GROUPBUY_COLLECTIONS.intents).doc(intentId(poll._id, input.householdId)).set(intent))
  const count = (await activeIntents(platform, poll._id)).length
  if (count >= poll.targetHouseholds) {
    const won = must(await db.collection(GROUPBUY_COLLECTIONS.polls).where({ _id: poll._id, status: 'open' }).update({ status: 'sourcing' }))
    if (won.updated === 1) poll = await sourcePoll(platform, { ...poll, status: 'sourcing' })
  }
  return { poll: await pollView(platform, access, poll._id) }
}

export async function withdrawIntent(platform: Platform, access: CallerAccess, input: { pollId: string; householdId: string }): Promise<{ poll: PollView }> {
  const poll = await loadPoll(platform, input.pollId)
  assertMember(access, poll, input.householdId)
  if (poll.status !== 'open') throw groupbuyError('GROUPBUY.POLL_CLOSED', '征集已有结果，不能再撤回（如不需要，不付款即可）')
  must(await platform.db.collection(GROUPBUY_COLLECTIONS.intents).where({ _id: intentId(poll._id, input.householdId), status: 'active' }).update({ status: 'withdrawn', at: platform.clock.now() }))
  return { poll: await pollView(platform, access, poll._id) }
}

/** Timer (with closeDue): polls past their deadline fail; polls left `sourcing` by a crash are finished. */
export async function closeDuePolls(platform: Platform): Promise<{ failed: number; sourced: number }> {
  const db = platform.db
  const _ = db.command
  const now = platform.clock.now()
  const due = must(await db.collection(GROUPBUY_COLLECTIONS.polls).where({ status: 'open', deadline: _.lte(now) }).limit(50).get()).data as PollDoc[]
  const stuck = must(await db.collection(GROUPBUY_COLLECTIONS.polls).where({ status: 'sourcing' }).limit(50).get()).data as PollDoc[]
  let failed = 0
  for (const poll of due) if (await failPoll(platform, poll)) failed += 1
  for (const poll of stuck) await sourcePoll(platform, poll)
  return { failed, sourced: stuck.length }
}
