import { randomBytes } from 'node:crypto'
import type { Db } from '@cloudbase/database'
import type { CampaignChange, ManagedCampaign } from '../../contracts/groupbuy-manage.schemas'
import type { CreateCampaignInput } from '../../contracts/ops-groupbuy.schemas'
import { must } from '../../runtime/db-result'
import type { CallerAccess } from '../auth/access.model'
import type { OrderHookContext } from '../orders/order-type-hooks'
import { createCampaign } from './campaign-admin.service'
import { assertSchedule } from './campaign.rules'
import { closeCampaignNow } from './closing.service'
import { groupbuyError } from './groupbuy-errors'
import { loadCampaign, skusOfCampaigns } from './groupbuy.store'
import { GROUPBUY_COLLECTIONS, type CampaignChangeDoc, type CampaignDoc } from './groupbuy.model'
import { countParticipants } from './participants.query'
import { assertStaffOf } from './poll.service'
import { shanghaiTime } from './groupbuy-notify'

const iso = (d: Date | string) => new Date(d).toISOString()

async function record(db: Db, c: CampaignDoc, kind: CampaignChangeDoc['kind'], by: string, reason: string, before: Record<string, unknown>, after: Record<string, unknown>, at: Date) {
  const change: CampaignChangeDoc = { _id: `gbc_${randomBytes(8).toString('hex')}`, campaignId: c._id, communityId: c.communityId, kind, by, reason, before, after, at }
  must(await db.collection(GROUPBUY_COLLECTIONS.changes).add(change))
}

async function managed(ctx: OrderHookContext, campaigns: CampaignDoc[]): Promise<ManagedCampaign[]> {
  const db = ctx.platform.db
  const ids = campaigns.map((c) => c._id)
  const [skus, participants] = await Promise.all([skusOfCampaigns(db, ids), countParticipants(db, ids)])
  const now = ctx.now()
  return campaigns.map((c) => ({
    campaignId: c._id,
    communityId: c.communityId,
    title: c.title,
    mode: c.mode,
    status: c.status,
    outcome: c.outcome,
    deadline: iso(c.deadline),
    pickupPoint: c.pickup.point,
    participants: participants.get(c._id) ?? 0,
    minParticipants: c.minParticipants,
    soldUnits: skus.filter((s) => s.campaignId === c._id).reduce((sum, s) => sum + Math.max(0, s.stock - Math.max(0, s.remaining)), 0),
    changeable: c.status === 'open' && new Date(c.deadline) > now,
  }))
}

/** Campaigns of every community the caller runs group buys in (steward or ops), latest deadline first. */
export async function manageCampaigns(ctx: OrderHookContext, access: CallerAccess): Promise<{ items: ManagedCampaign[] }> {
  const communities = [...new Set(access.staff.filter((s) => s.role === 'steward' || s.role === 'ops').map((s) => s.communityId))]
  if (communities.length === 0) return { items: [] }
  const _ = ctx.platform.db.command
  const rows = must(await ctx.platform.db.collection(GROUPBUY_COLLECTIONS.campaigns).where({ communityId: _.in(communities) }).orderBy('deadline', 'desc').limit(50).get()).data as CampaignDoc[]
  return { items: await managed(ctx, rows) }
}

export async function createManagedCampaign(ctx: OrderHookContext, access: CallerAccess, input: CreateCampaignInput) {
  assertStaffOf(access, input.communityId)
  const created = await createCampaign(ctx.platform, input, access.openid)
  const c = await loadCampaign(ctx.platform.db, created.campaignId)
  await record(ctx.platform.db, c!, 'created', access.openid, '新建活动', {}, { deadline: iso(c!.deadline), minParticipants: c!.minParticipants }, ctx.now())
  return created
}

async function changeable(ctx: OrderHookContext, access: CallerAccess, campaignId: string): Promise<CampaignDoc> {
  const c = await loadCampaign(ctx.platform.db, campaignId)
  if (!c) throw groupbuyError('GROUPBUY.CAMPAIGN_NOT_FOUND')
  assertStaffOf(access, c.communityId)
  if (c.status !== 'open' || new Date(c.deadline) <= ctx.now()) throw groupbuyError('GROUPBUY.NOT_CHANGEABLE')
  return c
}

/**
 * A later deadline. The pickup window moves by the same amount unless a new one is given (goods are
 * procured after the deadline). Conditional on the deadline it read, so two stewards extending at once
 * cannot both apply; each change is recorded with its reason.
 */
export async function extendCampaign(ctx: OrderHookContext, access: CallerAccess, input: { campaignId: string; deadline: string; pickup?: { startsAt: string; endsAt: string }; reason: string }): Promise<ManagedCampaign> {
  const db = ctx.platform.db
  const c = await changeable(ctx, access, input.campaignId)
  const oldDeadline = new Date(c.deadline)
  const deadline = new Date(input.deadline)
  if (deadline <= oldDeadline) throw groupbuyError('GROUPBUY.INVALID_SCHEDULE', '新的截止时间须晚于原截止时间')
  const shift = deadline.getTime() - oldDeadline.getTime()
  const pickup = input.pickup
    ? { point: c.pickup.point, startsAt: new Date(input.pickup.startsAt), endsAt: new Date(input.pickup.endsAt) }
    : { point: c.pickup.point, startsAt: new Date(new Date(c.pickup.startsAt).getTime() + shift), endsAt: new Date(new Date(c.pickup.endsAt).getTime() + shift) }
  const now = ctx.now()
  assertSchedule(deadline, pickup, now)
  const res = must(await db.collection(GROUPBUY_COLLECTIONS.campaigns).where({ _id: c._id, status: 'open', deadline: oldDeadline }).update({ deadline, pickup, updatedAt: now }))
  if (res.updated !== 1) throw groupbuyError('GROUPBUY.NOT_CHANGEABLE', '活动刚被修改过，请刷新后再试')
  await record(db, c, 'extended', access.openid, input.reason, { deadline: iso(oldDeadline), pickupStartsAt: iso(c.pickup.startsAt) }, { deadline: iso(deadline), pickupStartsAt: iso(pickup.startsAt) }, now)
  return (await managed(ctx, [{ ...c, deadline, pickup }]))[0]
}

/** Ends ordering now with a reason; the closing job decides formed / not formed as at a normal deadline. */
export async function closeCampaignEarly(ctx: OrderHookContext, access: CallerAccess, input: { campaignId: string; reason: string }): Promise<ManagedCampaign> {
  const db = ctx.platform.db
  const c = await changeable(ctx, access, input.campaignId)
  const now = ctx.now()
  await record(db, c, 'closed_early', access.openid, input.reason, { deadline: iso(c.deadline) }, { deadline: iso(now) }, now)
  await closeCampaignNow(ctx, c)
  return (await managed(ctx, [(await loadCampaign(db, c._id))!]))[0]
}

export async function campaignChanges(ctx: OrderHookContext, access: CallerAccess, campaignId: string): Promise<{ changes: CampaignChange[] }> {
  const db = ctx.platform.db
  const c = await loadCampaign(db, campaignId)
  if (!c) throw groupbuyError('GROUPBUY.CAMPAIGN_NOT_FOUND')
  assertStaffOf(access, c.communityId)
  const rows = must(await db.collection(GROUPBUY_COLLECTIONS.changes).where({ campaignId }).orderBy('at', 'desc').limit(50).get()).data as CampaignChangeDoc[]
  const summary = (r: CampaignChangeDoc) =>
    r.kind === 'extended'
      ? `截止时间 ${shanghaiTime(new Date(String(r.before.deadline)))} → ${shanghaiTime(new Date(String(r.after.deadline)))}`
      : r.kind === 'closed_early'
        ? `提前截止于 ${shanghaiTime(new Date(r.at))}`
        : r.kind === 'created'
          ? '创建活动'
          : '发布活动'
  return { changes: rows.map((r) => ({ kind: r.kind, by: r.by, reason: r.reason, summary: summary(r), at: iso(r.at) })) }
}
