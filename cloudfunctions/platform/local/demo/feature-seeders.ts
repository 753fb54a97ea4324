import type { DemoSeeder } from './seed-context'

/**
 * Demo data of each feature area (fee items and bills, a live group buy, doors, groups...), run after the
 * registry is seeded. Add one line per area; each seeder must be safe to run on a half-seeded database.
 */
export const featureSeeders: DemoSeeder[] = []
