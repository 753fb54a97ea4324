/**
 * Setup and transport of the Saturday-morning load scenario (load-morning.bench.ts): the crowd is made
 * straight through the engine — households in 50 new buildings of the demo community, their owners, one
 * unit door per building, this month's 物业费 bill each — and the flash campaign through the ops console.
 */
import type { LocalStack } from '../scripts/local-stack'
import { insertAll } from '../cloudfunctions/platform/local/demo/seed-demo'
import { DEMO_COMMUNITY_ID } from '../cloudfunctions/platform/local/demo/personas'
import { COLLECTIONS } from '../cloudfunctions/core/households/registry-collections'
import { must } from '../cloudfunctions/core/kernel/db-result'
import { FEE_COLLECTIONS, type FeeItemDoc } from '../cloudfunctions/core/fees/fee.model'
import { billIdFor, feeItemIdFor } from '../cloudfunctions/core/fees/fee-ids'
import { newBill } from '../cloudfunctions/core/fees/bill-run.service'
import { periodOf } from '../cloudfunctions/core/fees/period'
import { ACCESS_COLLECTIONS, type DoorDoc } from '../cloudfunctions/core/access/access.model'
import { GROUPBUY_COLLECTIONS } from '../cloudfunctions/core/groupbuy/groupbuy.model'
import type { HouseholdDoc, ResidentDoc } from '../cloudfunctions/core/households/household.model'

const PER_BUILDING = 100

export interface Resident {
  openid: string
  householdId: string
  buildingId: string
  doorId: string
  /** This month's 物业费 bill, with the id the bill run derives (fee-ids.ts). */
  billId: string
}

/** 5,000 households in 50 new buildings of the demo community, each with an owner, one unit door and one unpaid bill. */
export async function prepare(stack: LocalStack, sizes: { payers: number; flashStock: number }): Promise<{ residents: Resident[]; campaignId: string; skuId: string }> {
  const db = stack.platform.db
  const now = stack.platform.clock.now()
  const itemId = feeItemIdFor(DEMO_COMMUNITY_ID, 'property')
  const period = periodOf(now)
  const residents: Resident[] = Array.from({ length: sizes.payers }, (_, i) => {
    const b = Math.floor(i / PER_BUILDING)
    const householdId = `load-h-${i}`
    return { openid: `load-res-${i}`, householdId, buildingId: `load-b-${b}`, doorId: `load-door-${b}`, billId: billIdFor(householdId, itemId, period) }
  })
  const buildings = [...new Set(residents.map((r) => r.buildingId))]
  await insertAll(db, COLLECTIONS.buildings, buildings.map((id, b) => ({ _id: id, communityId: DEMO_COMMUNITY_ID, name: `${101 + b}栋` })))
  const households: HouseholdDoc[] = residents.map((r, i) => ({
    _id: r.householdId,
    communityId: DEMO_COMMUNITY_ID,
    buildingId: r.buildingId,
    building: `${101 + Math.floor(i / PER_BUILDING)}栋`,
    unit: '1单元',
    room: String(101 + (i % PER_BUILDING)),
    areaM2: 90 + (i % 40),
    ownerName: '压测',
    ownerPhoneHash: 'load',
    ownerPhoneLast4: '0000',
    updatedAt: now,
  }))
  await insertAll(db, COLLECTIONS.households, households)
  const members: ResidentDoc[] = residents.map((r) => ({ _id: `load-m-${r.openid}`, openid: r.openid, householdId: r.householdId, communityId: DEMO_COMMUNITY_ID, role: 'owner', status: 'active', boundAt: now }))
  await insertAll(db, COLLECTIONS.residents, members)
  const doors: DoorDoc[] = buildings.map((id, b) => ({ _id: `load-door-${b}`, communityId: DEMO_COMMUNITY_ID, doorNo: 10_000 + b, kind: 'unit', buildingId: id, name: `${101 + b}栋1单元门`, vendorDoorId: `SIM-load-${b}`, status: 'active', updatedAt: now }))
  await insertAll(db, ACCESS_COLLECTIONS.doors, doors)

  // One 物业费 bill each for this month, exactly what the bill run would make.
  const item = (must(await db.collection(FEE_COLLECTIONS.items).doc(itemId).get()).data as FeeItemDoc[])[0]
  const run = { _id: `load-run-${period}`, communityId: DEMO_COMMUNITY_ID, period }
  await insertAll(db, FEE_COLLECTIONS.bills, households.map((h) => newBill(run, item, h, h.areaM2 * (item.unitPriceFen ?? 250), `${h.areaM2}㎡`, now)))

  const deadline = now.getTime() + 6 * 3600_000
  const created = await post(stack.port, '/console/fn/ops', null, {
    action: 'groupbuyCreateCampaign',
    requestId: 'load-campaign-1',
    communityId: DEMO_COMMUNITY_ID,
    title: '周六早市 秒杀土鸡蛋',
    minParticipants: 10,
    deadline: new Date(deadline).toISOString(),
    pickup: { point: '物业服务中心', startsAt: new Date(deadline + 3600_000).toISOString(), endsAt: new Date(deadline + 8 * 3600_000).toISOString() },
    skus: [{ title: '土鸡蛋 30枚', priceFen: 1990, stock: sizes.flashStock, limitPerHousehold: 1 }],
  })
  if (!created.body.ok) throw new Error(`campaign: ${created.body.code}`)
  const campaignId = created.body.data.campaignId as string
  const sku = (must(await db.collection(GROUPBUY_COLLECTIONS.skus).where({ campaignId }).get()).data as { _id: string }[])[0]
  return { residents, campaignId, skuId: sku._id }
}

export interface Reply {
  ok: boolean
  code?: string
  data?: any
}

export async function post(port: number, route: string, openid: string | null, body: unknown): Promise<{ body: Reply; ms: number }> {
  const started = performance.now()
  try {
    const res = await fetch(`http://127.0.0.1:${port}${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(openid ? { 'x-dev-openid': openid } : {}) },
      body: JSON.stringify(body),
    })
    const json = (await res.json()) as Reply
    return { body: json, ms: performance.now() - started }
  } catch (e) {
    return { body: { ok: false, code: `HTTP.${(e as Error).name}` }, ms: performance.now() - started }
  }
}
