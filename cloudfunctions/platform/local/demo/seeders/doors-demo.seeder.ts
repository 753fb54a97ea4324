import { must } from '../../../../core/kernel/db-result'
import { ACCESS_COLLECTIONS, type DoorDoc } from '../../../../core/access/access.model'
import { DEMO_COMMUNITY_ID } from '../personas'
import type { DemoSeeder } from '../seed-context'

/** 阳光花园: two gates, and one door per unit of each of the six buildings (b-1…b-6, 2 units each). */
export function demoDoors(now: Date): DoorDoc[] {
  const gate = (id: string, doorNo: number, name: string): DoorDoc => ({
    _id: id,
    communityId: DEMO_COMMUNITY_ID,
    doorNo,
    kind: 'gate',
    buildingId: null,
    name,
    vendorDoorId: `SIM-${id}`,
    status: 'active',
    updatedAt: now,
  })
  const doors = [gate('d-sun-gate-s', 1, '南门'), gate('d-sun-gate-n', 2, '北门')]
  for (let b = 1; b <= 6; b++) {
    for (let u = 1; u <= 2; u++) {
      const id = `d-sun-${b}-${u}`
      doors.push({ ...gate(id, b * 100 + u, `${b}栋${u}单元门`), kind: 'unit', buildingId: `b-${b}` })
    }
  }
  return doors
}

/** Upserts by id, so a half-finished earlier seed is completed rather than duplicated. */
export const demoDoorsSeeder: DemoSeeder = {
  name: 'access-doors',
  seed: async ({ db, now }) => {
    for (const { _id, ...door } of demoDoors(now)) must(await db.collection(ACCESS_COLLECTIONS.doors).doc(_id).set(door))
  },
}
