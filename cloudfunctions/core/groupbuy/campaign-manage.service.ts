import { createHash, randomBytes } from 'node:crypto'
import type { CampaignChange, ManagedCampaign } from '../../contracts/groupbuy-manage.schemas'
import type { CreateCampaignInput } from '../../contracts/ops-groupbuy.schemas'
import { must } from '../kernel/db-result'
import { runTx, txGet, txWrite } from '../kernel/transaction'
import { communitiesWhere, type CallerAccess } from '../auth'
import type { OrderHookContext } from '../orders'
import { createCampaign } from './campaign-admin.service'
import { assertSchedule } from './campaign.rules'
import { closeCampaignNow } from './closing.service'
import { groupbuyError } from './groupbuy-errors'
import { loadCampaign, skusOfCampaigns } from './groupbuy.store'
import { GROUPBUY_COLLECTIONS, type CampaignChangeDoc, type CampaignDoc } from './groupbuy.model'
import { countParticipants } from './participants.query'
import { assertStaffOf } from './poll.service'
import { shanghaiTime } from './groupbuy-notify'
import { COLLECTIONS, type StaffDoc } from '../households'

const iso = (d: Date | string) => new Date(d).toISOString()

function changeDoc(c: CampaignDoc, kind: CampaignChangeDoc['kind'], by: string, reason: string, before: Record<string, unknown>, after: Record<string, unknown>, at: Date): CampaignChangeDoc {
  return { _id: `gbc_${randomBytes(8).toString('hex')}`, campaignId: c._id, communityId: c.communityId, kind, by, reason, before, after, at }
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
  const communities = communitiesWhere(access, 'community.lead')
  if (communities.length === 0) return { items: [] }
  const _ = ctx.platform.db.command
  const rows = must(await ctx.platform.db.collection(GROUPBUY_COLLECTIONS.campaigns).where({ communityId: _.in(communities) }).orderBy('deadline', 'desc').limit(50).get()).data as CampaignDoc[]
  return { items: await managed(ctx, rows) }
}

/**
 * The campaign id comes from (caller, requestId), so a retry after a failure anywhere finds or completes the
 * same campaign and its 'created' record (deterministic id too) instead of creating a second one.
 */
export async function createManagedCampaign(ctx: OrderHookContext & { requestId?: string }, access: CallerAccess, input: CreateCampaignInput) {
  assertStaffOf(access, input.communityId)
  if (!ctx.requestId) throw new Error('createCampaign needs the envelope requestId')
  const db = ctx.platform.db
  const campaignId = `gb_${createHash('sha256').update(`${access.openid}:${ctx.requestId}`).digest('hex').slice(0, 20)}`
  const existing = await loadCampaign(db, campaignId)
  const created = existing ? { campaignId, status: existing.status } : await createCampaign(ctx.platform, input, access.openid, campaignId)
  const c = existing ?? (await loadCampaign(db, campaignId))!
  const change: Omit<CampaignChangeDoc, '_id'> = { campaignId, communityId: c.communityId, kind: 'created', by: access.openid, reason: '新建活动', before: {}, after: { deadline: iso(c.deadline), minParticipants: c.minParticipants }, at: new Date(c.createdAt) }
  must(await db.collection(GROUPBUY_COLLECTIONS.changes).doc(`${campaignId}_created`).set(change))
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
  // Already at that deadline: a retry of this very change (or a double tap) — nothing to do twice.
  if (deadline.getTime() === oldDeadline.getTime()) return (await managed(ctx, [c]))[0]
  if (deadline <= oldDeadline) throw groupbuyError('GROUPBUY.INVALID_SCHEDULE', '新的截止时间须晚于原截止时间')
  const shift = deadline.getTime() - oldDeadline.getTime()
  const pickup = input.pickup
    ? { point: c.pickup.point, startsAt: new Date(input.pickup.startsAt), endsAt: new Date(input.pickup.endsAt) }
    : { point: c.pickup.point, startsAt: new Date(new Date(c.pickup.startsAt).getTime() + shift), endsAt: new Date(new Date(c.pickup.endsAt).getTime() + shift) }
  const now = ctx.now()
  assertSchedule(deadline, pickup, now)
  // One transaction: the campaign changes only together with its record, and only from the deadline read.
  await runTx(db, async (t) => {
    const fresh = await txGet<CampaignDoc>(t, GROUPBUY_COLLECTIONS.campaigns, c._id)
    if (!fresh || fresh.status !== 'open' || new Date(fresh.deadline).getTime() !== oldDeadline.getTime()) throw groupbuyError('GROUPBUY.NOT_CHANGEABLE', '活动刚被修改过，请刷新后再试')
    await txWrite(t.collection(GROUPBUY_COLLECTIONS.campaigns).doc(c._id).update({ deadline, pickup, updatedAt: now }))
    await txWrite(t.collection(GROUPBUY_COLLECTIONS.changes).add(changeDoc(c, 'extended', access.openid, input.reason, { deadline: iso(oldDeadline), pickupStartsAt: iso(c.pickup.startsAt) }, { deadline: iso(deadline), pickupStartsAt: iso(pickup.startsAt) }, now)))
  })
  return (await managed(ctx, [{ ...c, deadline, pickup }]))[0]
}

/** Ends ordering now with a reason; the closing job decides formed / not formed as at a normal deadline. */
export async function closeCampaignEarly(ctx: OrderHookContext, access: CallerAccess, input: { campaignId: string; reason: string }): Promise<ManagedCampaign> {
  const db = ctx.platform.db
  const resumed = await resumeClose(ctx, access, input.campaignId)
  if (resumed) return resumed
  const c = await changeable(ctx, access, input.campaignId)
  const now = ctx.now()
  // The deadline moves to now together with its record; deciding and settling is the closing job's (resumable).
  await runTx(db, async (t) => {
    const fresh = await txGet<CampaignDoc>(t, GROUPBUY_COLLECTIONS.campaigns, c._id)
    if (!fresh || fresh.status !== 'open' || new Date(fresh.deadline) <= now) throw groupbuyError('GROUPBUY.NOT_CHANGEABLE')
    await txWrite(t.collection(GROUPBUY_COLLECTIONS.campaigns).doc(c._id).update({ deadline: now, updatedAt: now }))
    await txWrite(t.collection(GROUPBUY_COLLECTIONS.changes).add(changeDoc(c, 'closed_early', access.openid, input.reason, { deadline: iso(c.deadline) }, { deadline: iso(now) }, now)))
  })
  await closeCampaignNow(ctx, { ...c, deadline: now })
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
  const bys = [...new Set(rows.map((r) => r.by))]
  const staff = bys.length ? (must(await db.collection(COLLECTIONS.staff).where({ openid: db.command.in(bys), communityId: c.communityId }).limit(100).get()).data as StaffDoc[]) : []
  const roleName: Record<string, string> = { steward: '管家', ops: '运营', technician: '师傅' }
  const nameOf = (by: string) => {
    const s = staff.find((x) => x.openid === by)
    return s ? `${roleName[s.role] ?? ''}${s.name}` : by === 'console' || by.startsWith('console') ? '运营后台' : '工作人员'
  }
  return { changes: rows.map((r) => ({ kind: r.kind, by: r.by, byName: nameOf(r.by), reason: r.reason, summary: summary(r), at: iso(r.at) })) }
}

/** A retry after a failure past the recorded close: finish closing instead of refusing "not changeable". */
async function resumeClose(ctx: OrderHookContext, access: CallerAccess, campaignId: string): Promise<ManagedCampaign | null> {
  const db = ctx.platform.db
  const c = await loadCampaign(db, campaignId)
  if (!c || new Date(c.deadline) > ctx.now()) return null
  const closedEarly = must(await db.collection(GROUPBUY_COLLECTIONS.changes).where({ campaignId, kind: 'closed_early' }).limit(1).get()).data as CampaignChangeDoc[]
  if (closedEarly.length === 0) return null
  assertStaffOf(access, c.communityId)
  await closeCampaignNow(ctx, c)
  return (await managed(ctx, [(await loadCampaign(db, campaignId))!]))[0]
}
