import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import timezone from 'dayjs/plugin/timezone'
import type { Db } from '@cloudbase/database'
import { must } from '../../../../core/kernel/db-result'
import { EVENT_COLLECTIONS, signupIdOf, type ActivitySettingsDoc, type CostDoc, type EventDoc, type RoiSettingsDoc, type SignupDoc } from '../../../../core/events/event.model'
import { dwellMinutes } from '../../../../core/events/dwell'
import { businessDate } from '../../../../core/kernel/business-time'
import { PngCanvas, roundRect } from '../png-canvas'
import { DEMO_COMMUNITY_ID } from '../personas'
import type { DemoSeeder, SeedContext } from '../seed-context'

dayjs.extend(utc)
dayjs.extend(timezone)

const MIN = 60_000

async function put(db: Db, collection: string, docs: { _id: string }[]): Promise<void> {
  for (const { _id, ...rest } of docs) must(await db.collection(collection).doc(_id).set(rest))
}

/** A receipt-like picture (paper, a header band, ruled lines), drawn locally so the write-off page has something to open. */
function receiptPng(tint: [number, number, number]): Buffer {
  const c = new PngCanvas(360, 480, [236, 238, 240])
  c.fill(roundRect(30, 20, 300, 440, 10), [255, 255, 255])
  c.fill(roundRect(50, 40, 260, 44, 6), tint)
  for (let i = 0; i < 9; i++) c.fill(roundRect(50, 110 + i * 30, i % 3 === 2 ? 160 : 260, 8, 4), [200, 204, 210])
  c.fill(roundRect(190, 390, 120, 40, 20), [220, 60, 60], 0.5)
  return c.png()
}

async function receipt(ctx: SeedContext, name: string, tint: [number, number, number]): Promise<string[]> {
  if (!ctx.storage) return []
  return [(await ctx.storage.put(`events/demo/${name}.png`, receiptPng(tint), 'image/png')).fileId]
}

function event(now: Date, e: Pick<EventDoc, '_id' | 'kind' | 'title' | 'category' | 'venue' | 'description' | 'startsAt' | 'endsAt' | 'signupLimit'> & Partial<EventDoc>): EventDoc {
  return { communityId: DEMO_COMMUNITY_ID, signedUp: 0, holders: [], waiting: [], buildingIds: [], buildingNames: [], status: 'open', organiserOpenid: 'demo-steward', createdAt: now, updatedAt: now, ...e }
}

function signup(e: EventDoc, householdId: string, at: Date, visit?: { inAt: Date; outAt?: Date }): SignupDoc {
  const [, b, u, room] = householdId.split('-')
  return {
    _id: signupIdOf(e._id, householdId),
    eventId: e._id,
    communityId: e.communityId,
    householdId,
    buildingId: `b-${b}`,
    householdLabel: `${b}栋${u}单元${room}`,
    openid: `demo-resident-${householdId}`,
    status: 'signed',
    signedAt: at,
    checkInAt: visit?.inAt ?? null,
    checkOutAt: visit?.outAt ?? null,
    dwellMinutes: visit?.outAt ? dwellMinutes(visit.inAt, visit.outAt) : null,
    checkInDate: visit ? businessDate(visit.inAt) : null,
    // Finished visits reach the profile through the reportAttendance timer, as a crashed report would.
    report: visit?.outAt ? 'pending' : 'none',
    updatedAt: at,
  }
}

const HOUSEHOLDS = ['h-2-1-301', 'h-2-2-502', 'h-3-1-1202', 'h-1-2-801', 'h-4-1-402', 'h-5-2-1101', 'h-6-1-201', 'h-3-2-702', 'h-1-1-1501', 'h-4-2-902', 'h-5-1-601', 'h-2-1-1001']

/**
 * Events demo: a 服务体验会 about to start (sign-up and early check-in open; a few neighbours already in),
 * a 社区活动 for 1–3 栋 later this week, and last week's 鲜果品鉴会 with finished visits; campaign
 * categories for ROI; three costs in every state of the write-off (one approved, one waiting, one shared).
 * Also a full 上门保洁体验课 with two households on its waitlist (the owner can join as 候补第 3 位), and the
 * community's ROI settings: margin rate per category, a 7-day window, the demo services' categories.
 */
export const eventsDemoSeeder: DemoSeeder = {
  name: 'events',
  seed: async (ctx) => {
    const { db, now } = ctx
    const t = now.getTime()
    const day = dayjs(now).tz('Asia/Shanghai').startOf('day')
    const aircon = event(now, {
      _id: 'ev-demo-aircon',
      kind: 'experience',
      title: '冬季家电清洗服务体验会',
      category: '家电',
      venue: '1栋架空层 邻里活动室',
      description: '持证师傅现场拆洗空调、油烟机，讲解冬季家电保养；到场住户可领清洗优惠券，现场下单享体验价。',
      startsAt: new Date(t + 30 * MIN),
      endsAt: new Date(t + 150 * MIN),
      signupLimit: 30,
    })
    const dumplings = event(now, {
      _id: 'ev-demo-dumplings',
      kind: 'community',
      title: '冬至包饺子 · 邻里亲子活动',
      category: '母婴',
      venue: '社区中心广场（3栋南侧）',
      description: '物业准备面皮和馅料，大小朋友一起包饺子、煮饺子。请家长全程陪同孩子。',
      startsAt: day.add(2, 'day').hour(14).toDate(),
      endsAt: day.add(2, 'day').hour(16).minute(30).toDate(),
      signupLimit: 20,
      buildingIds: ['b-1', 'b-2', 'b-3'],
      buildingNames: ['1栋', '2栋', '3栋'],
      organiserOpenid: 'demo-ops',
    })
    const tasting = event(now, {
      _id: 'ev-demo-tasting',
      kind: 'experience',
      title: '赣南脐橙品鉴会',
      category: '生鲜',
      venue: '物业服务中心（1栋旁）',
      description: '果园直供脐橙、砂糖橘现场试吃，了解产地与储存方法。',
      startsAt: day.subtract(4, 'day').hour(19).toDate(),
      endsAt: day.subtract(4, 'day').hour(21).toDate(),
      signupLimit: 40,
    })
    const cleaning = event(now, {
      _id: 'ev-demo-cleaning',
      kind: 'experience',
      title: '上门保洁体验课 · 收纳小技巧',
      category: '家政',
      venue: '物业服务中心 二楼会议室',
      description: '洁家家政的保洁师现场演示厨房去油、衣柜收纳；到场住户可领上门保洁体验券。名额已满可加入候补，有人取消会按顺序补上。',
      startsAt: day.add(3, 'day').hour(10).toDate(),
      endsAt: day.add(3, 'day').hour(11).minute(30).toDate(),
      signupLimit: 8,
    })
    const rows: SignupDoc[] = []
    HOUSEHOLDS.slice(0, 8).forEach((h, i) => rows.push(signup(cleaning, h, new Date(t - (600 - i * 30) * MIN))))
    const queue = HOUSEHOLDS.slice(8, 10)
    queue.forEach((h, i) => rows.push({ ...signup(cleaning, h, new Date(t - (200 - i * 30) * MIN)), status: 'waiting', waitingSince: new Date(t - (200 - i * 30) * MIN) }))
    HOUSEHOLDS.slice(0, 9).forEach((h, i) => rows.push(signup(aircon, h, new Date(t - (300 - i * 20) * MIN), i < 4 ? { inAt: new Date(t - (12 - i * 3) * MIN) } : undefined)))
    HOUSEHOLDS.filter((h) => /^h-[123]-/.test(h)).slice(0, 5).forEach((h, i) => rows.push(signup(dumplings, h, new Date(t - (90 - i * 7) * MIN))))
    const tStart = new Date(tasting.startsAt).getTime()
    HOUSEHOLDS.slice(0, 10).forEach((h, i) =>
      rows.push(signup(tasting, h, new Date(tStart - (2 * 24 * 60 - i * 30) * MIN), i < 8 ? { inAt: new Date(tStart + (5 + i * 4) * MIN), outAt: new Date(tStart + (60 + i * 11) * MIN) } : undefined)),
    )
    for (const e of [aircon, dumplings, tasting, cleaning]) {
      e.holders = rows.filter((r) => r.eventId === e._id && r.status === 'signed').map((r) => r.householdId)
      e.signedUp = e.holders.length
    }
    cleaning.waiting = queue
    await put(db, EVENT_COLLECTIONS.events, [aircon, dumplings, tasting, cleaning])
    await put(db, EVENT_COLLECTIONS.signups, rows)

    const settings: ActivitySettingsDoc[] = [
      { _id: 'campaign.gb-demo-oranges', communityId: DEMO_COMMUNITY_ID, ref: { kind: 'campaign', id: 'gb-demo-oranges' }, category: '生鲜', marginRateBp: 1800, attributionDays: 7, updatedAt: now },
      { _id: 'campaign.gb-demo-grain', communityId: DEMO_COMMUNITY_ID, ref: { kind: 'campaign', id: 'gb-demo-grain' }, category: '生鲜', marginRateBp: 1200, attributionDays: 7, updatedAt: now },
      { _id: 'campaign.gb-demo-cleaning', communityId: DEMO_COMMUNITY_ID, ref: { kind: 'campaign', id: 'gb-demo-cleaning' }, category: '家电', marginRateBp: 3500, attributionDays: 7, updatedAt: now },
    ]
    await put(db, EVENT_COLLECTIONS.settings, settings)
    const roi: RoiSettingsDoc = {
      _id: DEMO_COMMUNITY_ID,
      communityId: DEMO_COMMUNITY_ID,
      categoryMarginBp: { 生鲜: 2000, 家电: 2500, 家政: 3500, 维修: 3000 },
      attributionDays: 7,
      serviceCategories: { 'svc-cleaning': '家政', 'svc-ac-clean': '家电', 'svc-pipe': '维修' },
      updatedBy: 'demo-ops',
      updatedAt: now,
    }
    await put(db, EVENT_COLLECTIONS.roiSettings, [roi])

    const base = { communityId: DEMO_COMMUNITY_ID, note: '', reviewNote: '', reviewedBy: null, reviewedAt: null, reviewerName: null, submittedBy: 'demo-steward', submitterName: '张敏' }
    const costs: CostDoc[] = [
      {
        ...base,
        _id: 'cost-demo-material',
        title: '品鉴会物料：试吃盘、桌布、海报',
        item: 'material',
        amountFen: 18000,
        activityRule: 'equal',
        activityShares: [{ ref: { kind: 'event', id: tasting._id }, title: tasting.title, fen: 18000, basisFen: null }],
        bearerShares: [{ party: { kind: 'property', name: '阳光物业' }, fen: 18000, weight: 1 }],
        receipts: await receipt(ctx, 'material', [24, 144, 255]),
        status: 'approved',
        submittedAt: new Date(tStart + 3 * 60 * MIN),
        reviewedBy: 'demo-ops',
        reviewerName: '陈经理',
        reviewedAt: new Date(tStart + 20 * 60 * MIN),
      },
      {
        ...base,
        _id: 'cost-demo-prize',
        title: '抽奖奖品：脐橙礼盒 6 盒',
        item: 'prize',
        amountFen: 35400,
        activityRule: 'equal',
        activityShares: [{ ref: { kind: 'event', id: tasting._id }, title: tasting.title, fen: 35400, basisFen: null }],
        bearerShares: [{ party: { kind: 'merchant', name: '赣南果园直供' }, fen: 35400, weight: 1 }],
        receipts: await receipt(ctx, 'prize', [250, 140, 22]),
        note: '果园赞助，凭出库单核销',
        status: 'submitted',
        submittedAt: new Date(t - 50 * MIN),
      },
      {
        ...base,
        _id: 'cost-demo-venue',
        title: '场地布置与音响租赁',
        item: 'venue',
        amountFen: 50000,
        activityRule: 'equal',
        activityShares: [
          { ref: { kind: 'event', id: tasting._id }, title: tasting.title, fen: 25000, basisFen: null },
          { ref: { kind: 'campaign', id: 'gb-demo-oranges' }, title: '冬季鲜果团：赣南脐橙 / 砂糖橘', fen: 25000, basisFen: null },
        ],
        bearerShares: [
          { party: { kind: 'property', name: '阳光物业' }, fen: 30000, weight: 3 },
          { party: { kind: 'supplier', name: '鲜丰供应链' }, fen: 20000, weight: 2 },
        ],
        receipts: await receipt(ctx, 'venue', [82, 196, 26]),
        status: 'submitted',
        submittedAt: new Date(t - 20 * MIN),
      },
    ]
    await put(db, EVENT_COLLECTIONS.costs, costs)
  },
}
