import { createHash } from 'node:crypto'
import type { ActionContext } from '../kernel/action-context'
import { DomainError } from '../kernel/domain-error'
import { must } from '../kernel/db-result'
import { authorize, can, communitiesWhere } from '../auth'
import { householdScope, loadBuildings, naturalCompare } from '../households'
import { INTEREST_CATEGORIES } from '../../contracts/profiles-segment.schemas'
import { builderScope } from './builder-scope'
import { SEEDED_TAGS, TAG_FAMILIES, tagsOf } from './tag-catalog'
import { TAG_COLLECTIONS, householdTagId, type HouseholdTagDoc, type TagDoc } from './tag.model'

const tagView = (t: TagDoc) => ({ tagId: t._id, family: t.family, label: t.label, kind: t.rule ? ('rule' as const) : ('manual' as const) })

/** What a segment builder may choose from: their buildings, the categories, the tag families and tags. */
export async function builderCatalog(ctx: ActionContext, communityId: string | undefined) {
  const access = await ctx.access()
  const chosen = communityId ?? communitiesWhere(access, 'community.lead')[0]
  if (!chosen) throw new DomainError('AUTH.FORBIDDEN')
  const scope = builderScope(access, chosen)
  const db = ctx.platform.db
  const buildings = (await loadBuildings(db, chosen))
    .filter((b) => scope.buildingIds === null || scope.buildingIds.includes(b._id))
    .sort((a, b) => naturalCompare(a.name, b.name))
  return {
    communityId: chosen,
    role: scope.role,
    buildings: buildings.map((b) => ({ buildingId: b._id, name: b.name })),
    categories: [...INTEREST_CATEGORIES],
    families: [...TAG_FAMILIES],
    tags: (await tagsOf(db, chosen)).map(tagView),
  }
}

/**
 * A steward (for a household of their grid) or ops sets or clears a manual tag, recorded with who and
 * when. Rule tags belong to the behaviour rules and cannot be set by hand.
 */
export async function tagHousehold(ctx: ActionContext, input: { householdId: string; tagId: string; on: boolean }) {
  const db = ctx.platform.db
  const where = await householdScope(db, input.householdId)
  const access = await ctx.access()
  // An unknown household is refused like someone else's: no probing for what exists.
  authorize(access, 'grid.read', { communityId: where?.communityId ?? '', buildingId: where?.buildingId ?? '' })
  const tag = (await tagsOf(db, where!.communityId)).find((t) => t._id === input.tagId)
  if (!tag) throw new DomainError('PROFILE.TAG_UNKNOWN')
  if (tag.rule) throw new DomainError('PROFILE.TAG_NOT_MANUAL')
  const id = householdTagId(input.householdId, input.tagId)
  if (input.on) {
    const doc: Omit<HouseholdTagDoc, '_id'> = { householdId: input.householdId, communityId: where!.communityId, tagId: input.tagId, source: 'manual', by: access.openid, at: ctx.now() }
    must(await db.collection(TAG_COLLECTIONS.householdTags).doc(id).set(doc))
  } else {
    must(await db.collection(TAG_COLLECTIONS.householdTags).where({ _id: id, source: 'manual' }).remove())
  }
  return { householdId: input.householdId, tagId: input.tagId, on: input.on }
}

/** Ops add a tag to a family for their community: manual, or an interest rule (score ≥ x in a category). */
export async function defineTag(ctx: ActionContext, input: { communityId: string; family: string; label: string; interest: { category: string; minScore: number } | null }) {
  const access = await ctx.access()
  if (!can(access, 'community.manage', { communityId: input.communityId })) throw new DomainError('AUTH.FORBIDDEN')
  const _id = `t-${createHash('sha256').update(`${input.communityId}|${input.family}|${input.label}`).digest('hex').slice(0, 16)}`
  if (SEEDED_TAGS.some((t) => t.family === input.family && t.label === input.label)) throw new DomainError('VALIDATION.FAILED', '这个标签已经存在')
  const doc: Omit<TagDoc, '_id'> = {
    communityId: input.communityId,
    family: input.family,
    label: input.label,
    rule: input.interest ? { type: 'interest', category: input.interest.category, minScore: input.interest.minScore } : null,
    createdBy: access.openid,
    createdAt: ctx.now(),
  }
  must(await ctx.platform.db.collection(TAG_COLLECTIONS.tags).doc(_id).set(doc))
  return tagView({ _id, ...doc })
}
