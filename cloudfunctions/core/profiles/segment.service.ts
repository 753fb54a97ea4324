import type { ActionContext } from '../kernel/action-context'
import { DomainError } from '../kernel/domain-error'
import { must } from '../kernel/db-result'
import { maskName } from '../households'
import { builderScope, targetBuildings } from './builder-scope'
import { evaluateSegment, type SegmentHousehold } from './segment-evaluate'
import { SEGMENT_COLLECTIONS, type SegmentCriteria, type SegmentDoc } from './segment.model'
import { tagsOf } from './tag-catalog'

const PREVIEW_ROWS = 20

/** "1栋 2单元 3**" — a steward can see which doors, not who lives there or what they scored. */
function maskedLabel(h: SegmentHousehold): string {
  const room = [...h.room]
  const shown = room.length <= 1 ? '*' : room[0] + '*'.repeat(room.length - 1)
  return `${h.building} ${h.unit} ${shown}`
}

async function checkCriteria(ctx: ActionContext, communityId: string, criteria: SegmentCriteria): Promise<void> {
  if (criteria.tagIds.length === 0) return
  const known = new Set((await tagsOf(ctx.platform.db, communityId)).map((t) => t._id))
  const unknown = criteria.tagIds.filter((t) => !known.has(t))
  if (unknown.length) throw new DomainError('PROFILE.TAG_UNKNOWN', `标签不存在：${unknown.join('、')}`)
}

/** Size and a masked preview of what the criteria select now, within what the caller may target. */
export async function previewSegment(ctx: ActionContext, communityId: string, criteria: SegmentCriteria) {
  const scope = builderScope(await ctx.access(), communityId)
  await checkCriteria(ctx, communityId, criteria)
  const { households } = await evaluateSegment(ctx.platform, communityId, targetBuildings(scope, criteria.buildingIds), criteria)
  const sorted = [...households].sort((a, b) => a.building.localeCompare(b.building, 'zh') || a.unit.localeCompare(b.unit, 'zh') || a.room.localeCompare(b.room, 'zh'))
  return {
    size: households.length,
    preview: sorted.slice(0, PREVIEW_ROWS).map((h) => ({ label: maskedLabel(h), owner: maskName(h.ownerName) })),
  }
}

export async function saveSegment(ctx: ActionContext, input: { communityId: string; name: string; criteria: SegmentCriteria }) {
  const access = await ctx.access()
  const scope = builderScope(access, input.communityId)
  targetBuildings(scope, input.criteria.buildingIds)
  await checkCriteria(ctx, input.communityId, input.criteria)
  const { households } = await evaluateSegment(ctx.platform, input.communityId, targetBuildings(scope, input.criteria.buildingIds), input.criteria)
  const now = ctx.now()
  const doc: Omit<SegmentDoc, '_id'> = {
    communityId: input.communityId,
    name: input.name,
    criteria: input.criteria,
    createdBy: access.openid,
    createdByRole: scope.role,
    lastSize: households.length,
    createdAt: now,
    updatedAt: now,
  }
  const res = must(await ctx.platform.db.collection(SEGMENT_COLLECTIONS.segments).add(doc)) as { id?: string; _id?: string }
  return { segmentId: String(res.id ?? res._id), size: households.length }
}

/** A segment the caller may push: ops any of their community's; a steward only their own. */
export async function loadOwnSegment(ctx: ActionContext, segmentId: string): Promise<SegmentDoc> {
  const segment = (must(await ctx.platform.db.collection(SEGMENT_COLLECTIONS.segments).doc(segmentId).get()).data as SegmentDoc[])[0]
  if (!segment) throw new DomainError('PROFILE.SEGMENT_NOT_FOUND')
  const access = await ctx.access()
  let scope
  try {
    scope = builderScope(access, segment.communityId)
  } catch {
    // Someone else's community: answered like a segment that does not exist (no probing).
    throw new DomainError('PROFILE.SEGMENT_NOT_FOUND')
  }
  if (scope.role === 'steward' && segment.createdBy !== access.openid) throw new DomainError('PROFILE.SEGMENT_NOT_FOUND')
  return segment
}

export async function listSegments(ctx: ActionContext, communityId: string) {
  const access = await ctx.access()
  const scope = builderScope(access, communityId)
  const where = scope.role === 'ops' ? { communityId } : { communityId, createdBy: access.openid }
  const rows = must(await ctx.platform.db.collection(SEGMENT_COLLECTIONS.segments).where(where).orderBy('createdAt', 'desc').limit(50).get()).data as SegmentDoc[]
  return { segments: rows.map((s) => ({ segmentId: s._id, name: s.name, criteria: s.criteria, lastSize: s.lastSize, createdByRole: s.createdByRole, createdAt: new Date(s.createdAt).toISOString() })) }
}
