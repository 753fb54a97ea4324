import type { Db } from '@cloudbase/database'
import { isDuplicateKey, must } from '../../../core/kernel/db-result'
import { COLLECTIONS } from '../../../core/households/registry-collections'
import { hashPhone } from '../../../core/households/phone'
import type { BuildingDoc, HouseholdDoc, NoticeDoc, ResidentDoc, StaffDoc } from '../../../core/households/household.model'
import { DEMO_BINDING, DEMO_COMMUNITY_ID } from './personas'
import type { SeedContext } from './seed-context'
import { featureSeeders } from './feature-seeders'

export type { SeedContext } from './seed-context'

const BUILDINGS = 6
const UNITS = 2
const FLOORS = 15
const ROOMS_PER_FLOOR = 2
const SURNAMES = '王李张刘陈杨黄赵周吴徐孙马朱胡郭何林罗高'

/** Batch insert; if an interrupted earlier seed left some rows, fall back to per-document upserts. */
export async function insertAll<T extends { _id: string }>(db: Db, collection: string, docs: T[]): Promise<void> {
  for (let i = 0; i < docs.length; i += 500) {
    const batch = docs.slice(i, i + 500)
    try {
      must(await db.collection(collection).add(batch))
    } catch (e) {
      if (!isDuplicateKey(e)) throw e
      for (const { _id, ...rest } of batch) must(await db.collection(collection).doc(_id).set(rest))
    }
  }
}

export function demoHouseholds(now: Date, pepper: string): HouseholdDoc[] {
  const out: HouseholdDoc[] = []
  for (let b = 1; b <= BUILDINGS; b++) {
    for (let u = 1; u <= UNITS; u++) {
      for (let f = 1; f <= FLOORS; f++) {
        for (let r = 1; r <= ROOMS_PER_FLOOR; r++) {
          const room = `${f}${String(r).padStart(2, '0')}`
          const isBindingDemo = `${b}栋` === DEMO_BINDING.building && `${u}单元` === DEMO_BINDING.unit && room === DEMO_BINDING.room
          const seq = out.length
          const phone = isBindingDemo ? DEMO_BINDING.phone : `139${String(10000000 + seq * 7919).slice(-8)}`
          out.push({
            _id: `h-${b}-${u}-${room}`,
            communityId: DEMO_COMMUNITY_ID,
            buildingId: `b-${b}`,
            building: `${b}栋`,
            unit: `${u}单元`,
            room,
            areaM2: [89, 96, 118, 132, 143][seq % 5],
            ownerName: isBindingDemo ? DEMO_BINDING.ownerName : `${SURNAMES[seq % SURNAMES.length]}${['伟', '芳', '娜', '敏', '静', '磊'][seq % 6]}`,
            ownerPhoneHash: hashPhone(phone, pepper),
            ownerPhoneLast4: phone.slice(-4),
            updatedAt: now,
          })
        }
      }
    }
  }
  return out
}

/** Seeds the demo community once: a second start finds it and leaves the data alone. */
export async function seedDemo(ctx: SeedContext): Promise<{ seeded: boolean }> {
  const { db, now, pepper } = ctx
  const existing = must(await db.collection(COLLECTIONS.communities).doc(DEMO_COMMUNITY_ID).get()).data as unknown[]
  if (existing.length > 0) return { seeded: false }

  const buildings: BuildingDoc[] = Array.from({ length: BUILDINGS }, (_, i) => ({ _id: `b-${i + 1}`, communityId: DEMO_COMMUNITY_ID, name: `${i + 1}栋` }))
  await insertAll(db, COLLECTIONS.buildings, buildings)
  await insertAll(db, COLLECTIONS.households, demoHouseholds(now, pepper))
  const staff: StaffDoc[] = [
    { _id: 's-steward', openid: 'demo-steward', communityId: DEMO_COMMUNITY_ID, role: 'steward', name: '张敏', status: 'active' },
    { _id: 's-steward-2', openid: 'demo-steward-2', communityId: DEMO_COMMUNITY_ID, role: 'steward', name: '李强', status: 'active' },
    { _id: 's-technician', openid: 'demo-technician', communityId: DEMO_COMMUNITY_ID, role: 'technician', name: '赵工', status: 'active' },
    { _id: 's-ops', openid: 'demo-ops', communityId: DEMO_COMMUNITY_ID, role: 'ops', name: '陈经理', status: 'active' },
  ]
  await insertAll(db, COLLECTIONS.staff, staff)
  await insertAll(db, COLLECTIONS.grids, [
    { _id: 'g-steward', communityId: DEMO_COMMUNITY_ID, stewardOpenid: 'demo-steward', buildingIds: ['b-1', 'b-2', 'b-3'], updatedAt: now },
    { _id: 'g-steward-2', communityId: DEMO_COMMUNITY_ID, stewardOpenid: 'demo-steward-2', buildingIds: ['b-4', 'b-5', 'b-6'], updatedAt: now },
  ])
  const residents: ResidentDoc[] = [
    { _id: 'r-owner', openid: 'demo-owner', householdId: 'h-1-1-101', communityId: DEMO_COMMUNITY_ID, role: 'owner', status: 'active', boundAt: now },
    { _id: 'r-family', openid: 'demo-family', householdId: 'h-1-1-101', communityId: DEMO_COMMUNITY_ID, role: 'family', status: 'active', boundAt: now },
  ]
  await insertAll(db, COLLECTIONS.residents, residents)
  const day = 86400_000
  const notices: NoticeDoc[] = [
    { _id: 'n-water', communityId: DEMO_COMMUNITY_ID, title: '11月25日 2栋停水通知', body: '因二次供水设备检修，11月25日 9:00–15:00 2栋暂停供水，请提前储水。', pinned: true, publishedAt: new Date(now.getTime() - day) },
    { _id: 'n-heating', communityId: DEMO_COMMUNITY_ID, title: '冬季供暖试运行', body: '小区供暖将于本周六开始试运行，如有暖气不热请在“报事报修”中提交。', pinned: false, publishedAt: new Date(now.getTime() - 2 * day) },
    { _id: 'n-fire', communityId: DEMO_COMMUNITY_ID, title: '消防通道清理', body: '请各位业主勿在消防通道停放电动车，物业将于月底统一清理。', pinned: false, publishedAt: new Date(now.getTime() - 5 * day) },
  ]
  await insertAll(db, COLLECTIONS.notices, notices)
  // The community document goes last: its presence is what marks the seed as complete.
  for (const seeder of featureSeeders) await seeder.seed(ctx)
  must(await db.collection(COLLECTIONS.communities).add({ _id: DEMO_COMMUNITY_ID, name: '阳光花园', city: '杭州', createdAt: now }))
  return { seeded: true }
}
