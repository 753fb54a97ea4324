import { must } from '../../../../core/kernel/db-result'
import type { DemoSeeder } from '../seed-context'
import { DEMO_COMMUNITY_ID } from '../personas'
import { ORDER_COLLECTIONS, type ServiceItemDoc } from '../../../../core/orders/order.model'

const ITEMS: Omit<ServiceItemDoc, 'communityId' | 'active'>[] = [
  { _id: 'svc-cleaning', title: '上门保洁（2小时）', description: '专业保洁师上门，厨房、卫生间、客厅深度清洁', unitPriceFen: 8800, unit: '次', sort: 1 },
  { _id: 'svc-ac-clean', title: '空调清洗', description: '挂机拆洗内机滤网与蒸发器，杀菌除味', unitPriceFen: 12000, unit: '台', sort: 2 },
  { _id: 'svc-pipe', title: '管道疏通', description: '厨房、卫生间下水道疏通，不通不收费', unitPriceFen: 6000, unit: '次', sort: 3 },
]

/** The small paid-service catalogue of the demo community (set, so a half-seeded database is fine). */
export const serviceDemoSeeder: DemoSeeder = {
  name: 'service-items',
  seed: async ({ db }) => {
    for (const { _id, ...rest } of ITEMS) {
      must(await db.collection(ORDER_COLLECTIONS.serviceItems).doc(_id).set({ ...rest, communityId: DEMO_COMMUNITY_ID, active: true }))
    }
  },
}
