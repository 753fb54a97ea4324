import type { ActionInput } from '@contracts/envelope'
import type { eventsContract, EventCategory, RoiSettings } from '@contracts/events.contract'

/** The ROI 设置 form as typed text (percent with up to 2 decimals, days) and picked categories. */
export interface RoiForm {
  rates: Partial<Record<EventCategory, string>>
  days: string
  services: Record<string, EventCategory | null>
  campaigns: Record<string, EventCategory | null>
}

const pctText = (bp: number | null) => (bp === null ? '' : String(bp / 100))

export function roiFormOf(s: RoiSettings): RoiForm {
  return {
    rates: Object.fromEntries(s.categories.map((c) => [c.category, pctText(c.marginRateBp)])),
    days: String(s.attributionDays),
    services: Object.fromEntries(s.services.map((x) => [x.id, x.category])),
    campaigns: Object.fromEntries(s.campaigns.map((x) => [x.id, x.category])),
  }
}

/** "18" / "18.5" → basis points; blank → null (back to the default); anything else → undefined (invalid). */
export function bpOf(text: string): number | null | undefined {
  const t = text.trim()
  if (t === '') return null
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(t)) return undefined
  const bp = Math.round(Number(t) * 100)
  return bp <= 10_000 ? bp : undefined
}

/** What changed, as the setRoiSettings input and the campaigns whose category moved; or the first problem. */
export function roiChanges(s: RoiSettings, f: RoiForm): { input: ActionInput<typeof eventsContract, 'setRoiSettings'>; campaigns: { id: string; category: EventCategory }[] } | { error: string } {
  const categoryMarginBp: Partial<Record<EventCategory, number | null>> = {}
  for (const c of s.categories) {
    const bp = bpOf(f.rates[c.category] ?? '')
    if (bp === undefined) return { error: `${c.category}的毛利率请填 0–100 之间的数字` }
    if (bp !== c.marginRateBp) categoryMarginBp[c.category] = bp
  }
  const days = Number(f.days)
  if (!/^\d{1,2}$/.test(f.days.trim()) || days > 60) return { error: '归因天数请填 0–60 的整数' }
  const serviceCategories: Record<string, EventCategory | null> = {}
  for (const x of s.services) if ((f.services[x.id] ?? null) !== x.category) serviceCategories[x.id] = f.services[x.id] ?? null
  const campaigns = s.campaigns.filter((c) => f.campaigns[c.id] && f.campaigns[c.id] !== c.category).map((c) => ({ id: c.id, category: f.campaigns[c.id]! }))
  return { input: { categoryMarginBp, attributionDays: days, serviceCategories }, campaigns }
}
