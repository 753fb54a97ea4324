import type { Platform } from '../kernel/platform'
import { must } from '../kernel/db-result'
import { notify, thing } from '../notify'
import { GROUPBUY_COLLECTIONS, type CampaignDoc, type SkuDoc } from './groupbuy.model'
import { shanghaiTime } from './groupbuy-notify'
import { campaignIdOfPoll, type IntentDoc, type PollDoc } from './poll.model'

export const POLL_RESULT_TEMPLATE = 'groupbuy_poll'
const HOUR = 3600_000

export async function activeIntents(platform: Platform, pollId: string): Promise<IntentDoc[]> {
  return must(await platform.db.collection(GROUPBUY_COLLECTIONS.intents).where({ pollId, status: 'active' }).limit(1000).get()).data as IntentDoc[]
}

/**
 * The threshold was reached (the caller won open → sourcing): writes the pre-sale campaign under an id
 * derived from the poll with set(), so a crash and a resumed run write the same campaign once; then marks
 * the poll sourced and tells each registered household to pay before `payBy` (one message per household,
 * de-duplicated). Stock is what the households asked for plus a fifth for neighbours who join later.
 */
export async function sourcePoll(platform: Platform, poll: PollDoc): Promise<PollDoc> {
  const db = platform.db
  const now = platform.clock.now()
  const intents = await activeIntents(platform, poll._id)
  const asked = intents.reduce((sum, i) => sum + i.quantity, 0)
  const campaignId = campaignIdOfPoll(poll._id)
  const payBy = poll.payBy ? new Date(poll.payBy) : new Date(now.getTime() + poll.payWindowHours * HOUR)
  const stock = Math.max(1, asked + Math.ceil(asked / 5))
  const sku: Omit<SkuDoc, '_id'> = {
    campaignId,
    communityId: poll.communityId,
    title: poll.spec ? `${poll.title} ${poll.spec}` : poll.title,
    priceFen: poll.targetPriceFen,
    stock,
    remaining: stock,
    limitPerHousehold: poll.limitPerHousehold,
    sort: 0,
    holders: [],
    originalPriceFen: poll.originalPriceFen,
    spec: poll.spec,
    origin: '',
    detail: poll.description,
    image: poll.image,
  }
  // Only the first run writes stock: a resumed run must not reset `remaining` under orders already placed.
  const existingSku = must(await db.collection(GROUPBUY_COLLECTIONS.skus).doc(`${campaignId}_s1`).get()).data as unknown[]
  if (existingSku.length === 0) must(await db.collection(GROUPBUY_COLLECTIONS.skus).doc(`${campaignId}_s1`).set(sku))
  const campaign: Omit<CampaignDoc, '_id'> = {
    communityId: poll.communityId,
    title: poll.title,
    description: `${poll.description}\n（由严选征集发起：${intents.length} 户登记，请在 ${shanghaiTime(payBy)} 前付款）`.trim(),
    images: poll.image ? [poll.image] : [],
    mode: 'presale',
    minParticipants: poll.targetHouseholds,
    deadline: payBy,
    pickup: poll.pickup,
    status: 'open',
    outcome: null,
    participantsAtClose: null,
    decidedAt: null,
    closedAt: null,
    priceFromFen: poll.targetPriceFen,
    createdBy: poll.createdBy,
    createdAt: now,
    updatedAt: now,
  }
  const existingCampaign = must(await db.collection(GROUPBUY_COLLECTIONS.campaigns).doc(campaignId).get()).data as unknown[]
  if (existingCampaign.length === 0) must(await db.collection(GROUPBUY_COLLECTIONS.campaigns).doc(campaignId).set(campaign))
  must(await db.collection(GROUPBUY_COLLECTIONS.polls).where({ _id: poll._id, status: 'sourcing' }).update({ status: 'sourced', campaignId, payBy, decidedAt: now }))
  for (const intent of intents) {
    await notify(platform, {
      toOpenid: intent.openid,
      template: POLL_RESULT_TEMPLATE,
      page: `packages/groupbuy/pages/detail/index?campaignId=${campaignId}`,
      data: { thing1: thing(poll.title), phrase2: '征集成功', thing3: thing(`请在${shanghaiTime(payBy)}前付款`), time4: shanghaiTime(payBy) },
      dedupeKey: `groupbuy-poll-${poll._id}-${intent.householdId}`,
    })
  }
  platform.logger.info('groupbuy.poll.sourced', { pollId: poll._id, campaignId, households: intents.length })
  return { ...poll, status: 'sourced', campaignId, payBy }
}

/** The deadline passed short of the target: closed, nobody was ever charged (intents carry no money). */
export async function failPoll(platform: Platform, poll: PollDoc): Promise<boolean> {
  const now = platform.clock.now()
  const res = must(await platform.db.collection(GROUPBUY_COLLECTIONS.polls).where({ _id: poll._id, status: 'open' }).update({ status: 'failed', decidedAt: now }))
  if (res.updated !== 1) return false
  for (const intent of await activeIntents(platform, poll._id)) {
    await notify(platform, {
      toOpenid: intent.openid,
      template: POLL_RESULT_TEMPLATE,
      page: `packages/groupbuy/pages/polls/index?pollId=${poll._id}`,
      data: { thing1: thing(poll.title), phrase2: '未达成', thing3: thing('登记人数未达到目标，未产生任何扣款'), time4: shanghaiTime(now) },
      dedupeKey: `groupbuy-poll-${poll._id}-${intent.householdId}`,
    })
  }
  platform.logger.info('groupbuy.poll.failed', { pollId: poll._id })
  return true
}
