import { defineIndexes, type IndexSpec } from './indexes'
import type { OutboxEffect } from './outbox'

/**
 * One feature area as the rest of the system sees it, exported once from core/<area>/index.ts and
 * listed once in cloudfunctions/areas.ts. Nothing is registered by importing a module: whoever needs
 * an area's collections, indexes, errors, order types or effects reads them from the composition.
 *
 * Order types are typed by the orders area (OrderTypeHooks from core/orders); the kernel only carries
 * them, so it stays free of any area's types.
 */
export interface AreaModule {
  readonly name: string
  /** Every collection the area writes; each has exactly one owning area. */
  readonly collections: readonly string[]
  readonly indexes: readonly IndexSpec[]
  /** The area's error codes and their default Chinese messages (contracts/errors/<area>.ts). */
  readonly errors: Readonly<Record<string, string>>
  /** Order type → its hooks (reserve, release, onPaid, onRefunded, userRefundable). */
  readonly orderTypes?: Readonly<Record<string, object>>
  /**
   * Rule name → what the area adds to the payment terms of an order before it is sent to WeChat Pay
   * (typed by the orders area: PaymentTermsRule), e.g. merchants: a merchant's sale is paid with profit
   * sharing switched on.
   */
  readonly paymentTerms?: Readonly<Record<string, unknown>>
  /**
   * Effect name → what the area does after an outbox event commits (kernel/outbox.ts), e.g.
   * `{ 'attribution.paid': { topics: ['order.paid'], run } }`. Names are global and stable: the outbox
   * records applied effects by name.
   */
  readonly effects?: Readonly<Record<string, OutboxEffect<any>>>
}

export function defineArea<const A extends AreaModule>(area: A): A {
  return area
}

/** The areas put together: what a function, the local engine and the scripts read. */
export interface Wiring {
  readonly areas: readonly AreaModule[]
  readonly indexes: readonly IndexSpec[]
  readonly collections: readonly string[]
  indexesOf(collection: string): IndexSpec[]
  /** Per platform, so a test can swap one type's hooks without touching another world's. */
  readonly orderTypes: Map<string, object>
  readonly paymentTerms: Map<string, unknown>
  /** Every declared effect by name, in the areas' order (that is the order they run in). */
  readonly effects: Map<string, OutboxEffect>
}

export function composeAreas(areas: readonly AreaModule[]): Wiring {
  const owners = new Map<string, string>()
  for (const area of areas) {
    for (const c of area.collections) {
      const owner = owners.get(c)
      if (owner && owner !== area.name) throw new Error(`collection ${c} is declared by both ${owner} and ${area.name}`)
      owners.set(c, area.name)
    }
  }
  const indexes = defineIndexes(...areas.flatMap((a) => a.indexes))
  const orderTypes = new Map<string, object>()
  const effects = new Map<string, OutboxEffect>()
  const paymentTerms = new Map<string, unknown>()
  for (const area of areas) {
    for (const [name, rule] of Object.entries(area.paymentTerms ?? {})) paymentTerms.set(name, rule)
    for (const [name, effect] of Object.entries(area.effects ?? {})) {
      if (effects.has(name)) throw new Error(`effect ${name} is declared twice`)
      effects.set(name, effect)
    }
    for (const [type, hooks] of Object.entries(area.orderTypes ?? {})) {
      if (orderTypes.has(type)) throw new Error(`order type ${type} is declared twice`)
      orderTypes.set(type, hooks)
    }
  }
  return {
    areas,
    indexes,
    collections: [...owners.keys()].sort(),
    indexesOf: (collection) => indexes.filter((i) => i.collection === collection),
    orderTypes,
    paymentTerms,
    effects,
  }
}
