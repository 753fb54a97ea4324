import type { OpenPollInput } from '@contracts/groupbuy-poll.schemas'
import { beijingDate, beijingInstant, fenOf, type WallClock } from './campaign-draft'

/** The 发起严选征集 form: a product at a target price; residents register intent, pay only once it is reached. */
export interface PollDraft {
  title: string
  spec: string
  description: string
  photo: string | null
  targetPrice: string
  originalPrice: string
  targetHouseholds: string
  limit: string
  deadline: WallClock
  payWindowHours: number
  pickupPoint: string
  pickupDate: string
  pickupFrom: string
  pickupTo: string
}

const DAY = 86_400_000
const HOUR = 3_600_000

/** Registration closes in three days at 20:00; pickup two days later (after the longest pay window), 09:00–19:00. */
export function emptyPollDraft(now: Date = new Date()): PollDraft {
  return {
    title: '',
    spec: '',
    description: '',
    photo: null,
    targetPrice: '',
    originalPrice: '',
    targetHouseholds: '20',
    limit: '5',
    deadline: { date: beijingDate(new Date(now.getTime() + 3 * DAY)), time: '20:00' },
    payWindowHours: 24,
    pickupPoint: '物业服务中心',
    pickupDate: beijingDate(new Date(now.getTime() + 5 * DAY)),
    pickupFrom: '09:00',
    pickupTo: '19:00',
  }
}

const int = (t: string) => (/^\d{1,6}$/.test(t.trim()) ? Number(t.trim()) : null)

export function toOpenPollInput(d: PollDraft, communityId: string, image: string | null, now: Date = new Date()): { input: OpenPollInput } | { problem: string } {
  if (!d.title.trim()) return { problem: '请填写商品名称' }
  const price = fenOf(d.targetPrice)
  if (!price) return { problem: '目标价格式不对（如 59.9）' }
  const original = d.originalPrice.trim() ? fenOf(d.originalPrice) : undefined
  if (original === null) return { problem: '划线价格式不对' }
  if (original !== undefined && original <= price) return { problem: '划线价须高于目标价' }
  const target = int(d.targetHouseholds)
  if (!target || target < 2) return { problem: '目标户数至少 2 户' }
  const limit = int(d.limit)
  if (!limit || limit > 99) return { problem: '每户限购须为 1–99' }
  const deadline = beijingInstant(d.deadline.date, d.deadline.time)
  if (deadline.getTime() <= now.getTime()) return { problem: '登记截止须晚于现在' }
  const startsAt = beijingInstant(d.pickupDate, d.pickupFrom)
  const endsAt = beijingInstant(d.pickupDate, d.pickupTo)
  if (startsAt.getTime() < deadline.getTime() + d.payWindowHours * HOUR) return { problem: `自提须在付款期结束之后（截止后 ${d.payWindowHours} 小时）` }
  if (endsAt <= startsAt) return { problem: '自提结束时间须晚于开始时间' }
  if (!d.pickupPoint.trim()) return { problem: '请填写自提点' }
  return {
    input: {
      communityId,
      title: d.title.trim(),
      description: d.description.trim(),
      spec: d.spec.trim(),
      ...(image ? { image } : {}),
      targetPriceFen: price,
      ...(original !== undefined ? { originalPriceFen: original } : {}),
      targetHouseholds: target,
      limitPerHousehold: limit,
      deadline: deadline.toISOString(),
      payWindowHours: d.payWindowHours,
      pickup: { point: d.pickupPoint.trim(), startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() },
    },
  }
}
