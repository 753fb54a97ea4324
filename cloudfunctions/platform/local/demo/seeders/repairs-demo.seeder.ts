import type { Db } from '@cloudbase/database'
import { must } from '../../../../core/kernel/db-result'
import { COLLECTIONS } from '../../../../core/households/registry-collections'
import type { StaffDoc } from '../../../../core/households/household.model'
import type { DemoSeeder } from '../seed-context'
import { REPAIR_COLLECTIONS, freshTicketFields, type TechnicianDoc, type TicketDoc } from '../../../../core/repairs/repair.model'
import { RESPOND_SLA_MS } from '../../../../core/repairs/repair-time'

const COMMUNITY = 'c-sunshine'
const MIN = 60_000

/** Upsert by id: safe on a half-seeded database and on a second run. */
async function upsert(db: Db, collection: string, docs: { _id: string }[]): Promise<void> {
  for (const { _id, ...rest } of docs) must(await db.collection(collection).doc(_id).set(rest))
}

function ticket(now: Date, t: Partial<TicketDoc> & Pick<TicketDoc, '_id' | 'status' | 'category' | 'description' | 'placeLabel' | 'createdAt'>): TicketDoc {
  return {
    communityId: COMMUNITY,
    householdId: 'h-1-1-101',
    buildingId: 'b-1',
    placeKind: 'household',
    photos: [],
    preferredStart: null,
    preferredEnd: null,
    residentOpenid: 'demo-owner',
    rev: 1,
    stewardOpenid: 'demo-steward',
    gridId: 'g-steward',
    assigneeOpenid: 'demo-technician',
    assigneeStaffId: 's-technician',
    assigneeName: '赵工',
    ...freshTicketFields(),
    slaWatch: null,
    respondDueAt: new Date(t.createdAt.getTime() + RESPOND_SLA_MS),
    timeline: [],
    updatedAt: now,
    ...t,
  }
}

/**
 * Repairs demo: a second technician (孙工, serving 4–6 栋 only, so tickets from 1–3 栋 go to 赵工) and three
 * tickets of 王先生: one just dispatched, one finished and waiting for his rating, one public-area ticket
 * in 4栋 that 孙工 has accepted.
 */
export const repairsDemoSeeder: DemoSeeder = {
  name: 'repairs',
  seed: async ({ db, now }) => {
    const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * MIN)
    const staff: StaffDoc[] = [{ _id: 's-technician-2', openid: 'demo-technician-2', communityId: COMMUNITY, role: 'technician', name: '孙工', status: 'active' }]
    await upsert(db, COLLECTIONS.staff, staff)
    const technicians: TechnicianDoc[] = [
      { _id: 'demo-technician', communityId: COMMUNITY, staffId: 's-technician', name: '赵工', available: true, gridIds: [], lastAssignedAt: at(10), updatedAt: now },
      { _id: 'demo-technician-2', communityId: COMMUNITY, staffId: 's-technician-2', name: '孙工', available: true, gridIds: ['g-steward-2'], lastAssignedAt: at(180), updatedAt: now },
    ]
    await upsert(db, REPAIR_COLLECTIONS.technicians, technicians)
    await upsert(db, REPAIR_COLLECTIONS.tickets, [
      ticket(now, {
        _id: 'rp-demo-sink',
        status: 'assigned',
        category: 'plumbing',
        description: '厨房水槽下水很慢，疑似堵塞，晚上做饭前能来看看吗？',
        placeLabel: '1栋1单元101',
        createdAt: at(10),
        slaWatch: 'respond',
        timeline: [
          { at: at(10), action: 'submitted', by: 'resident' },
          { at: at(10), action: 'assigned', by: 'system', technicianName: '赵工' },
        ],
      }),
      ticket(now, {
        _id: 'rp-demo-light',
        status: 'completed',
        rev: 5,
        category: 'electrical',
        description: '客厅吸顶灯不亮，换了灯泡也不行。',
        placeLabel: '1栋1单元101',
        createdAt: at(26 * 60),
        promisedStart: at(25 * 60),
        promisedEnd: at(23 * 60),
        completionNote: '灯座接触不良，已更换灯座并测试正常。',
        completedAt: at(22 * 60),
        timeline: [
          { at: at(26 * 60), action: 'submitted', by: 'resident' },
          { at: at(26 * 60), action: 'assigned', by: 'system', technicianName: '赵工' },
          { at: at(25 * 60 + 50), action: 'accepted', by: 'technician' },
          { at: at(23 * 60 + 30), action: 'started', by: 'technician' },
          { at: at(22 * 60), action: 'completed', by: 'technician', note: '灯座接触不良，已更换灯座并测试正常。' },
        ],
      }),
      ticket(now, {
        _id: 'rp-demo-lift',
        status: 'accepted',
        rev: 3,
        category: 'public_facility',
        description: '4栋电梯 8 楼按钮按下没反应。',
        householdId: null,
        buildingId: 'b-4',
        placeKind: 'public',
        placeLabel: '4栋 电梯',
        stewardOpenid: 'demo-steward-2',
        gridId: 'g-steward-2',
        assigneeOpenid: 'demo-technician-2',
        assigneeStaffId: 's-technician-2',
        assigneeName: '孙工',
        createdAt: at(40),
        promisedStart: at(20),
        promisedEnd: new Date(now.getTime() + 100 * MIN),
        slaWatch: 'arrive',
        arriveDueAt: new Date(now.getTime() + 100 * MIN),
        timeline: [
          { at: at(40), action: 'submitted', by: 'resident' },
          { at: at(40), action: 'assigned', by: 'system', technicianName: '孙工' },
          { at: at(30), action: 'accepted', by: 'technician' },
        ],
      }),
    ])
  },
}
