import type { ActionInput } from '@contracts/envelope'
import type { ActivityRef, eventsContract } from '@contracts/events.contract'

export type PartyKind = 'property' | 'merchant' | 'supplier'
export interface BearerRow {
  kind: PartyKind
  name: string
  weight: string
}

export interface CostForm {
  activities: ActivityRef[]
  rule: 'equal' | 'gmv'
  title: string
  item: 'prize' | 'material' | 'venue' | 'subsidy' | 'other'
  amount: string
  bearers: BearerRow[]
  weighted: boolean
  photos: string[]
  note: string
}

export const emptyCostForm = (): CostForm => ({ activities: [], rule: 'equal', title: '', item: 'material', amount: '', bearers: [{ kind: 'property', name: '阳光物业', weight: '1' }], weighted: false, photos: [], note: '' })

/** "128.5" → 12850 fen; anything that is not a yuan amount with at most two decimals → NaN (the contract then says why). */
export function yuanToFen(text: string): number {
  const t = text.trim()
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(t)) return Number.NaN
  const [int, dec = ''] = t.split('.')
  return Number(int) * 100 + Number(dec.padEnd(2, '0'))
}

export function toSubmitInput(f: CostForm, receipts: string[]): ActionInput<typeof eventsContract, 'submitCost'> {
  return {
    title: f.title.trim(),
    item: f.item,
    amountFen: yuanToFen(f.amount),
    activities: f.activities,
    activityRule: f.rule,
    bearers: f.bearers.map((b) => ({ kind: b.kind, name: b.name.trim() })),
    bearerWeights: f.weighted && f.bearers.length > 1 ? f.bearers.map((b) => Number(b.weight)) : undefined,
    receipts,
    note: f.note.trim(),
  }
}
