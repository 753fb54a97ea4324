import { yuan } from '../kernel/money'
import type { HouseholdDoc } from '../households'
import type { FeeItemDoc, MeterReadingDoc } from './fee.model'

export type BillHousehold = Pick<HouseholdDoc, '_id' | 'buildingId' | 'areaM2' | 'building' | 'unit' | 'room'>

export type BillCalc = { ok: true; principalFen: number; detail: string } | { ok: false; reason: string }


/** Hundredths as an integer, so quantity × price is exact integer arithmetic (89.37 ㎡ × 235 fen). */
function centi(x: number): number {
  return Math.round(x * 100)
}

/** Quantity (up to 2 decimals) × unit price, rounded half up to the fen. */
export function priceOf(quantity: number, unitPriceFen: number): number {
  return Math.round((centi(quantity) * unitPriceFen) / 100)
}

/** Is this household charged this item in this period? (scope: everyone, or listed buildings / households) */
export function itemApplies(item: FeeItemDoc, household: Pick<HouseholdDoc, '_id' | 'buildingId'>, period: string): boolean {
  if (item.kind === 'one_off' && item.period !== period) return false
  const { buildingIds, householdIds } = item.scope
  if (!buildingIds && !householdIds) return true
  return !!buildingIds?.includes(household.buildingId) || !!householdIds?.includes(household._id)
}

/** The principal of one household's bill for an item, or why it cannot be made (the run reports it). */
export function principalFor(item: FeeItemDoc, household: BillHousehold, reading: MeterReadingDoc | undefined): BillCalc {
  switch (item.kind) {
    case 'per_area': {
      if (!(household.areaM2 > 0)) return { ok: false, reason: '房屋面积缺失' }
      const unit = item.unitPriceFen ?? 0
      return { ok: true, principalFen: priceOf(household.areaM2, unit), detail: `${household.areaM2}㎡ × ${yuan(unit)}元/㎡` }
    }
    case 'fixed':
      return { ok: true, principalFen: item.amountFen ?? 0, detail: '每月固定' }
    case 'one_off':
      return { ok: true, principalFen: item.amountFen ?? 0, detail: '一次性收费' }
    case 'metered': {
      if (!reading) return { ok: false, reason: `缺少${item.name}本期抄表读数` }
      const unit = item.unitPriceFen ?? 0
      return {
        ok: true,
        principalFen: priceOf(reading.usage, unit),
        detail: `${reading.previous}→${reading.current}，用量${reading.usage}${item.unit ?? ''} × ${yuan(unit)}元`,
      }
    }
  }
}
