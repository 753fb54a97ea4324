import { randomBytes } from 'node:crypto'
import type { z } from 'zod'
import type { CostView, submitCostInput } from '../../contracts/events.contract'
import type { ActionContext } from '../kernel/action-context'
import { userOpenid } from '../kernel/action-context'
import { DomainError } from '../kernel/domain-error'
import { collectionOf } from '../kernel/collection'
import { must } from '../kernel/db-result'
import { storageOf } from '../kernel/ports/storage.port'
import { can } from '../auth'
import { COLLECTIONS, type StaffDoc } from '../households'
import { IMAGE_TYPES, checkFiles, type FileRules } from '../storage'
import { EVENT_COLLECTIONS, type ActivityRef, type CostDoc } from './event.model'
import { activityInfos, gmvOf, type ActivityInfo } from './activity-gmv'
import { splitByWeights, splitEqually } from './allocation'
import { leadCommunity } from './event-scope'

type SubmitInput = z.infer<typeof submitCostInput>

/** Receipt photos (票据) are uploaded by the mini-program under events/…; nothing else may be attached. */
export const RECEIPT_RULES: FileRules = { folder: 'events/', maxBytes: 5 * 1024 * 1024, contentTypes: IMAGE_TYPES, maxCount: 9 }

const costsOf = (ctx: ActionContext) => collectionOf<CostDoc>(ctx.platform.db, EVENT_COLLECTIONS.costs)
const refKey = (r: ActivityRef) => `${r.kind}.${r.id}`

/** The staff member's name as the registry has it (costs show who submitted and who approved). */
async function staffName(ctx: ActionContext, communityId: string, openid: string): Promise<string> {
  const row = await collectionOf<StaffDoc>(ctx.platform.db, COLLECTIONS.staff).first({ openid, communityId, status: 'active' })
  return row?.name ?? '工作人员'
}

/** The activities a cost is split over, all of the caller's community, none twice. */
async function resolveActivities(ctx: ActionContext, communityId: string, refs: ActivityRef[]): Promise<ActivityInfo[]> {
  if (new Set(refs.map(refKey)).size !== refs.length) throw new DomainError('EVENT.ALLOCATION_INVALID', '同一个活动不能重复分摊')
  const infos = await activityInfos(ctx.platform.db, refs)
  return refs.map((r) => {
    const info = infos.get(refKey(r))
    if (!info || info.communityId !== communityId) throw new DomainError('EVENT.ACTIVITY_NOT_FOUND')
    return info
  })
}

/** 分摊 over activities: the whole amount for one, else equally or by each one's attributable GMV. */
export async function activityShares(ctx: ActionContext, amountFen: number, rule: 'equal' | 'gmv', infos: ActivityInfo[]): Promise<CostDoc['activityShares']> {
  if (infos.length === 1) return [{ ref: infos[0].ref, title: infos[0].title, fen: amountFen, basisFen: null }]
  if (rule === 'equal') return splitEqually(amountFen, infos.length).map((fen, i) => ({ ref: infos[i].ref, title: infos[i].title, fen, basisFen: null }))
  const gmv = await Promise.all(infos.map((i) => gmvOf(ctx.platform.db, i)))
  if (gmv.every((g) => g.gmvFen === 0)) throw new DomainError('EVENT.ALLOCATION_NO_GMV')
  return splitByWeights(amountFen, gmv.map((g) => g.gmvFen)).map((fen, i) => ({ ref: infos[i].ref, title: infos[i].title, fen, basisFen: gmv[i].gmvFen }))
}

function bearerShares(input: SubmitInput): CostDoc['bearerShares'] {
  const seen = new Set(input.bearers.map((b) => `${b.kind}|${b.name}`))
  if (seen.size !== input.bearers.length) throw new DomainError('EVENT.ALLOCATION_INVALID', '承担方不能重复')
  const weights = input.bearerWeights ?? input.bearers.map(() => 1)
  return splitByWeights(input.amountFen, weights).map((fen, i) => ({ party: input.bearers[i], fen, weight: weights[i] }))
}

export async function toCostView(ctx: ActionContext, c: CostDoc, viewer: string): Promise<CostView> {
  const urls = c.receipts.length ? await storageOf(ctx.platform).tempUrls(c.receipts, 3600) : {}
  const access = await ctx.access()
  const isOps = can(access, 'community.manage', { communityId: c.communityId })
  return {
    costId: c._id,
    title: c.title,
    item: c.item,
    amountFen: c.amountFen,
    activities: c.activityShares,
    activityRule: c.activityRule,
    bearers: c.bearerShares.map((b) => ({ party: b.party, fen: b.fen })),
    receipts: c.receipts.map((fileId) => ({ fileId, url: urls[fileId] ?? null })),
    note: c.note,
    status: c.status,
    submittedBy: c.submittedBy === viewer ? `${c.submitterName}（我）` : c.submitterName,
    submittedAt: new Date(c.submittedAt).toISOString(),
    reviewedBy: c.reviewedBy ? c.reviewerName ?? '运营' : null,
    reviewedAt: c.reviewedAt ? new Date(c.reviewedAt).toISOString() : null,
    reviewNote: c.reviewNote,
    mineToReview: isOps && c.status === 'submitted' && c.submittedBy !== viewer,
  }
}

/** 费用登记: checked whole (activities, bearers, receipts) before the one write. */
export async function submitCost(ctx: ActionContext, input: SubmitInput): Promise<CostView> {
  const openid = userOpenid(ctx)
  const { communityId } = await leadCommunity(ctx)
  const infos = await resolveActivities(ctx, communityId, input.activities)
  const bearers = bearerShares(input)
  await checkFiles(storageOf(ctx.platform), input.receipts, RECEIPT_RULES)
  const shares = await activityShares(ctx, input.amountFen, input.activityRule, infos)
  const now = ctx.now()
  const cost: CostDoc = {
    _id: `cost-${randomBytes(8).toString('hex')}`,
    communityId,
    title: input.title,
    item: input.item,
    amountFen: input.amountFen,
    activityRule: input.activities.length > 1 ? input.activityRule : 'equal',
    activityShares: shares,
    bearerShares: bearers,
    receipts: input.receipts,
    note: input.note,
    status: 'submitted',
    submittedBy: openid,
    submitterName: await staffName(ctx, communityId, openid),
    submittedAt: now,
    reviewedBy: null,
    reviewedAt: null,
    reviewNote: '',
  }
  const { _id, ...doc } = cost
  must(await costsOf(ctx).ref.doc(_id).set(doc))
  return toCostView(ctx, cost, openid)
}

/**
 * 费用核销: ops of the cost's community approve or reject a submitted cost, never their own. An approval
 * re-splits a GMV-shared cost on the GMV of that moment and freezes the split. The status move is one
 * conditional update, so two reviewers racing cannot both decide.
 */
export async function reviewCost(ctx: ActionContext, input: { costId: string; decision: 'approve' | 'reject'; note: string }): Promise<CostView> {
  const openid = userOpenid(ctx)
  const access = await ctx.access()
  const cost = await costsOf(ctx).byId(input.costId)
  if (!cost || !can(access, 'community.manage', { communityId: cost.communityId })) throw new DomainError(cost ? 'AUTH.FORBIDDEN' : 'EVENT.COST_NOT_FOUND')
  if (cost.status !== 'submitted') throw new DomainError('EVENT.COST_NOT_PENDING')
  if (cost.submittedBy === openid) throw new DomainError('EVENT.SELF_APPROVAL')
  if (input.decision === 'reject' && !input.note) throw new DomainError('VALIDATION.FAILED', '驳回须填写原因')
  let shares = cost.activityShares
  if (input.decision === 'approve' && cost.activityRule === 'gmv' && shares.length > 1) {
    const infos = await resolveActivities(ctx, cost.communityId, shares.map((s) => s.ref))
    shares = await activityShares(ctx, cost.amountFen, 'gmv', infos)
  }
  const now = ctx.now()
  const reviewerName = await staffName(ctx, cost.communityId, openid)
  const status = input.decision === 'approve' ? ('approved' as const) : ('rejected' as const)
  const res = must(await costsOf(ctx).ref.where({ _id: cost._id, status: 'submitted' }).update({ status, reviewedBy: openid, reviewerName, reviewedAt: now, reviewNote: input.note, activityShares: shares }))
  if (Number(res.updated ?? 0) !== 1) throw new DomainError('EVENT.COST_NOT_PENDING')
  return toCostView(ctx, { ...cost, status, reviewedBy: openid, reviewerName, reviewedAt: now, reviewNote: input.note, activityShares: shares }, openid)
}

/** Ops see the community's costs; a steward sees the ones they submitted. Pending first, newest first. */
export async function listCosts(ctx: ActionContext, input: { status?: CostDoc['status']; communityId?: string }) {
  const openid = userOpenid(ctx)
  const { communityId, access } = await leadCommunity(ctx, input.communityId)
  const isOps = can(access, 'community.manage', { communityId })
  const where: Record<string, unknown> = { communityId }
  if (input.status) where.status = input.status
  if (!isOps) where.submittedBy = openid
  const rows = must(await costsOf(ctx).ref.where(where).orderBy('submittedAt', 'desc').limit(100).get()).data as CostDoc[]
  const rank = (s: CostDoc['status']) => (s === 'submitted' ? 0 : 1)
  const sorted = [...rows].sort((a, b) => rank(a.status) - rank(b.status))
  return { costs: await Promise.all(sorted.map((c) => toCostView(ctx, c, openid))) }
}
