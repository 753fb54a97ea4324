import type { Db } from '@cloudbase/database'
import type { z } from 'zod'
import type { feeItemInputSchema, feeItemViewSchema } from '../../contracts/ops-fees.schemas'
import { FEE_ERROR_MESSAGES } from '../../contracts/errors/fees'
import { must } from '../kernel/db-result'
import { DomainError } from '../kernel/domain-error'
import { COLLECTIONS } from '../households'
import { FEE_COLLECTIONS, type FeeItemDoc } from './fee.model'
import { feeItemIdFor } from './fee-ids'

type FeeItemInput = z.infer<typeof feeItemInputSchema>
type FeeItemView = z.input<typeof feeItemViewSchema>

export function feeItemView(doc: FeeItemDoc): FeeItemView {
  return {
    itemId: doc._id,
    communityId: doc.communityId,
    code: doc.code,
    name: doc.name,
    kind: doc.kind,
    unitPriceFen: doc.unitPriceFen,
    amountFen: doc.amountFen,
    unit: doc.unit,
    period: doc.period,
    dueDay: doc.dueDay,
    lateFee: doc.lateFee,
    scope: doc.scope,
    status: doc.status,
    updatedAt: doc.updatedAt.toISOString(),
  }
}

function badItem(reason: string): DomainError {
  return new DomainError('FEE.BAD_ITEM', `${FEE_ERROR_MESSAGES['FEE.BAD_ITEM']}：${reason}`)
}

/** Every id the scope names must be a building / household of this community (checked before any write). */
async function checkScope(db: Db, input: FeeItemInput): Promise<void> {
  const _ = db.command
  const community = must(await db.collection(COLLECTIONS.communities).doc(input.communityId).get()).data as unknown[]
  if (community.length === 0) throw new DomainError('NOT_FOUND', '小区不存在')
  const check = async (collection: string, ids: string[] | undefined, what: string) => {
    const unique = [...new Set(ids ?? [])]
    for (let i = 0; i < unique.length; i += 500) {
      const slice = unique.slice(i, i + 500)
      const { total } = must(await db.collection(collection).where({ _id: _.in(slice), communityId: input.communityId }).count())
      if (total !== slice.length) throw badItem(`${what}不属于该小区`)
    }
  }
  await check(COLLECTIONS.buildings, input.scope?.buildingIds, '部分楼栋')
  await check(COLLECTIONS.households, input.scope?.householdIds, '部分房屋')
}

/** Upsert by (community, code). A new price applies to bill runs from now on; bills already made keep theirs. */
export async function upsertFeeItem(db: Db, input: FeeItemInput, now: Date): Promise<{ created: boolean; item: FeeItemView }> {
  await checkScope(db, input)
  const id = feeItemIdFor(input.communityId, input.code)
  const coll = db.collection(FEE_COLLECTIONS.items)
  const existing = (must(await coll.doc(id).get()).data as FeeItemDoc[])[0]
  const doc: FeeItemDoc = {
    _id: id,
    communityId: input.communityId,
    code: input.code,
    name: input.name,
    kind: input.kind,
    unitPriceFen: input.kind === 'per_area' || input.kind === 'metered' ? input.unitPriceFen : null,
    amountFen: input.kind === 'fixed' || input.kind === 'one_off' ? input.amountFen : null,
    unit: input.kind === 'metered' ? input.unit : null,
    period: input.kind === 'one_off' ? input.period : null,
    dueDay: input.dueDay,
    lateFee: input.lateFee,
    scope: { buildingIds: input.scope?.buildingIds ?? null, householdIds: input.scope?.householdIds ?? null },
    status: 'active',
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  }
  const { _id, ...rest } = doc
  must(await coll.doc(_id).set(rest))
  return { created: !existing, item: feeItemView(doc) }
}

export async function archiveFeeItem(db: Db, communityId: string, code: string, now: Date): Promise<{ item: FeeItemView }> {
  const id = feeItemIdFor(communityId, code)
  const coll = db.collection(FEE_COLLECTIONS.items)
  const existing = (must(await coll.doc(id).get()).data as FeeItemDoc[])[0]
  if (!existing) throw new DomainError('FEE.ITEM_NOT_FOUND', FEE_ERROR_MESSAGES['FEE.ITEM_NOT_FOUND'])
  must(await coll.doc(id).update({ status: 'archived', updatedAt: now }))
  return { item: feeItemView({ ...existing, status: 'archived', updatedAt: now }) }
}

export async function activeFeeItems(db: Db, communityId: string): Promise<FeeItemDoc[]> {
  return must(await db.collection(FEE_COLLECTIONS.items).where({ communityId, status: 'active' }).limit(100).get()).data as FeeItemDoc[]
}

export async function listFeeItems(db: Db, communityId: string, includeArchived: boolean): Promise<{ items: FeeItemView[] }> {
  const where = includeArchived ? { communityId } : { communityId, status: 'active' }
  const docs = must(await db.collection(FEE_COLLECTIONS.items).where(where).orderBy('createdAt', 'asc').limit(100).get()).data as FeeItemDoc[]
  return { items: docs.map(feeItemView) }
}

export async function feeItemByCode(db: Db, communityId: string, code: string): Promise<FeeItemDoc> {
  const item = (must(await db.collection(FEE_COLLECTIONS.items).doc(feeItemIdFor(communityId, code)).get()).data as FeeItemDoc[])[0]
  if (!item) throw new DomainError('FEE.ITEM_NOT_FOUND', FEE_ERROR_MESSAGES['FEE.ITEM_NOT_FOUND'])
  return item
}
