import type { Platform } from '../kernel/platform'
import type { ServiceItem } from '../../contracts/orders.contract'
import { ORDER_ERROR_MESSAGES } from '../../contracts/errors/orders'
import { must } from '../kernel/db-result'
import { DomainError } from '../kernel/domain-error'
import { ORDER_COLLECTIONS, type ServiceItemDoc } from './order.model'

/** Paid home services a community offers (上门保洁, 家电清洗…); ops maintain them in the console. */
export async function listServiceItems(platform: Platform, communityId: string): Promise<ServiceItem[]> {
  const rows = must(await platform.db.collection(ORDER_COLLECTIONS.serviceItems).where({ communityId, active: true }).orderBy('sort', 'asc').limit(50).get()).data as ServiceItemDoc[]
  return rows.map(toServiceItem)
}

export async function requireServiceItem(platform: Platform, communityId: string, id: string): Promise<ServiceItemDoc> {
  const item = (must(await platform.db.collection(ORDER_COLLECTIONS.serviceItems).doc(id).get()).data as ServiceItemDoc[])[0]
  if (!item || !item.active || item.communityId !== communityId) throw new DomainError('ORDER.SERVICE_NOT_FOUND', ORDER_ERROR_MESSAGES['ORDER.SERVICE_NOT_FOUND'])
  return item
}

export function toServiceItem(d: ServiceItemDoc): ServiceItem {
  return { id: d._id, title: d.title, description: d.description, unitPriceFen: d.unitPriceFen, unit: d.unit }
}
