import type { DemoSeeder } from './seed-context'
import { demoDoorsSeeder } from './seeders/doors-demo.seeder'
import { serviceDemoSeeder } from './seeders/service-demo.seeder'
import { groupsDemoSeeder } from './seeders/groups-demo.seeder'
import { repairsDemoSeeder } from './seeders/repairs-demo.seeder'
import { feesDemoSeeder } from './seeders/fees-demo.seeder'
import { groupbuyDemoSeeder } from './seeders/groupbuy-demo.seeder'
import { attributionDemoSeeder } from './seeders/attribution-demo.seeder'
import { profilesDemoSeeder } from './seeders/profiles-demo.seeder'

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
  profilesDemoSeeder,
]
