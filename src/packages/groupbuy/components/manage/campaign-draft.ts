import type { CampaignTemplate } from '@contracts/groupbuy-manage.schemas'
import type { CreateCampaignInput } from '@contracts/ops-groupbuy.schemas'
import { shanghaiParts } from '@/services/format'

/**
 * The create form's state and its one conversion to the contract's input. Money is typed as yuan text and
 * becomes integer fen here; times are picked as Beijing wall clock (date + HH:mm) whatever the phone's zone.
 */
export interface SkuDraft {
  key: string
  title: string
  price: string
  originalPrice: string
  stock: string
  limit: string
  spec: string
  origin: string
  detail: string
  /** Local path of the chosen (already compressed) photo, uploaded on submit. */
  photo: string | null
}

export interface WallClock {
  date: string
  time: string
}

export interface CampaignDraft {
  template: string | null
  title: string
  description: string
  minParticipants: string
  deadline: WallClock
  pickupPoint: string
  pickupDate: string
  pickupFrom: string
  pickupTo: string
  cover: string | null
  skus: SkuDraft[]
}

const p2 = (n: number) => String(n).padStart(2, '0')
const DAY = 86_400_000

/** "2026-12-06" of an instant, in Beijing. */
export function beijingDate(at: Date): string {
  const p = shanghaiParts(at)
  return `${p.y}-${p2(p.m)}-${p2(p.d)}`
}

/** Beijing wall clock → the UTC instant (China has no DST: a fixed +8 h is exact). */
export function beijingInstant(date: string, time: string): Date {
  const [y, m, d] = date.split('-').map(Number)
  const [h, min] = time.split(':').map(Number)
  return new Date(Date.UTC(y, m - 1, d, h, min) - 8 * 3600_000)
}

/** "39.9" / "39.90" / "39" → 3990 fen; null for anything that is not a yuan amount with at most 2 decimals. */
export function fenOf(text: string): number | null {
  const t = text.trim()
  if (!/^\d{1,7}(\.\d{1,2})?$/.test(t)) return null
  const [int, dec = ''] = t.split('.')
  return Number(int) * 100 + Number(dec.padEnd(2, '0'))
}

const yuanText = (fen: number | undefined) => (fen === undefined ? '' : (fen / 100).toFixed(fen % 100 === 0 ? 0 : 2))

let seq = 0
export const newSkuKey = () => `sku-${Date.now().toString(36)}-${++seq}`

export function emptySku(): SkuDraft {
  return { key: newSkuKey(), title: '', price: '', originalPrice: '', stock: '100', limit: '2', spec: '', origin: '', detail: '', photo: null }
}

/**
 * A template as a starting draft: deadline three days ahead at 20:00, pickup the next day 09:00–19:00
 * (business hours at the pickup point), every field editable.
 */
export function draftFrom(t: CampaignTemplate | null, now: Date = new Date()): CampaignDraft {
  const deadlineDay = beijingDate(new Date(now.getTime() + 3 * DAY))
  const pickupDay = beijingDate(new Date(now.getTime() + 4 * DAY))
  return {
    template: t?.key ?? null,
    title: t?.title ?? '',
    description: t?.description ?? '',
    minParticipants: String(t?.minParticipants ?? 10),
    deadline: { date: deadlineDay, time: '20:00' },
    pickupPoint: t?.pickupPoint ?? '物业服务中心',
    pickupDate: pickupDay,
    pickupFrom: '09:00',
    pickupTo: '19:00',
    cover: null,
    skus: (t?.skus ?? [{ title: '', priceFen: 0, stock: 100, limitPerHousehold: 2, spec: '', origin: '' }]).map((s) => ({
      key: newSkuKey(),
      title: s.title,
      price: s.priceFen ? yuanText(s.priceFen) : '',
      originalPrice: yuanText(s.originalPriceFen),
      stock: String(s.stock),
      limit: String(s.limitPerHousehold),
      spec: s.spec,
      origin: s.origin,
      detail: '',
      photo: null,
    })),
  }
}

const int = (t: string) => (/^\d{1,6}$/.test(t.trim()) ? Number(t.trim()) : null)

/**
 * The draft as the contract's input, or the first thing to fix in words for a toast. Only what a form can
 * know is checked here; the function checks everything again (and the photos' files) before writing.
 */
export function toCreateInput(
  d: CampaignDraft,
  communityId: string,
  photos: { cover: string | null; skus: (string | null)[] },
  now: Date = new Date(),
): { input: CreateCampaignInput } | { problem: string } {
  if (!d.title.trim()) return { problem: '请填写活动标题' }
  const min = int(d.minParticipants)
  if (!min || min < 1) return { problem: '成团户数须为正整数' }
  const deadline = beijingInstant(d.deadline.date, d.deadline.time)
  if (deadline.getTime() <= now.getTime()) return { problem: '截止时间须晚于现在' }
  const startsAt = beijingInstant(d.pickupDate, d.pickupFrom)
  const endsAt = beijingInstant(d.pickupDate, d.pickupTo)
  if (startsAt < deadline) return { problem: '自提开始时间不能早于截止时间' }
  if (endsAt <= startsAt) return { problem: '自提结束时间须晚于开始时间' }
  if (!d.pickupPoint.trim()) return { problem: '请填写自提点' }
  if (d.skus.length === 0) return { problem: '请至少添加一个商品规格' }
  const skus: CreateCampaignInput['skus'] = []
  for (const [i, s] of d.skus.entries()) {
    const name = s.title.trim() || `第 ${i + 1} 个商品`
    if (!s.title.trim()) return { problem: `请填写${name}的名称` }
    const price = fenOf(s.price)
    if (!price) return { problem: `「${name}」的团购价格式不对（如 39.9）` }
    const original = s.originalPrice.trim() ? fenOf(s.originalPrice) : undefined
    if (original === null) return { problem: `「${name}」的划线价格式不对` }
    if (original !== undefined && original <= price) return { problem: `「${name}」的划线价须高于团购价` }
    const stock = int(s.stock)
    if (!stock) return { problem: `「${name}」的库存须为正整数` }
    const limit = int(s.limit)
    if (!limit || limit > 99) return { problem: `「${name}」的每户限购须为 1–99` }
    const image = photos.skus[i]
    skus.push({
      title: s.title.trim(),
      priceFen: price,
      stock,
      limitPerHousehold: limit,
      spec: s.spec.trim(),
      origin: s.origin.trim(),
      detail: s.detail.trim(),
      ...(original !== undefined ? { originalPriceFen: original } : {}),
      ...(image ? { image } : {}),
    })
  }
  return {
    input: {
      communityId,
      title: d.title.trim(),
      description: d.description.trim(),
      images: photos.cover ? [photos.cover] : [],
      mode: 'stock',
      minParticipants: min,
      deadline: deadline.toISOString(),
      pickup: { point: d.pickupPoint.trim(), startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() },
      skus,
      publish: true,
    },
  }
}
