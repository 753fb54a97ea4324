import type { DemoSeeder } from './seed-context'
import { demoDoorsSeeder } from '../door-simulator/demo-doors.seeder'
import { serviceDemoSeeder } from '../../../core/orders/service-demo.seeder'
import { groupsDemoSeeder } from '../../../core/groups/demo/groups.seeder'
import { repairsDemoSeeder } from '../../../core/repairs/repairs-demo.seeder'
import { feesDemoSeeder } from '../../../core/fees/fees-demo.seeder'
import { groupbuyDemoSeeder } from '../../../core/groupbuy/groupbuy-demo.seeder'
import { attributionDemoSeeder } from '../../../core/attribution/attribution-demo.seeder'

/**
 * Demo data of each feature area (fee items and bills, a live group buy, doors, groups...), run after the
 * registry is seeded. Add one line per area; each seeder must be safe to run on a half-seeded database.
 */
export const featureSeeders: DemoSeeder[] = [
  demoDoorsSeeder,
  serviceDemoSeeder,
  groupsDemoSeeder,
  repairsDemoSeeder,
  feesDemoSeeder,
  groupbuyDemoSeeder,
  attributionDemoSeeder,
]
