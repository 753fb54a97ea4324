import { composeAreas, type AreaModule, type Wiring } from './core/kernel/area'
import { runtimeArea } from './runtime/runtime-area'
import { householdsArea } from './core/households'
import { accessArea } from './core/access'
import { ordersArea } from './core/orders'
import { outboxArea } from './core/outbox'
import { feesArea } from './core/fees'
import { groupbuyArea } from './core/groupbuy'
import { repairsArea } from './core/repairs'
import { groupsArea } from './core/groups'
import { attributionArea } from './core/attribution'
import { metricsArea } from './core/metrics'
import { notifyArea } from './core/notify'
import { storageArea } from './core/storage'
import { profilesArea } from './core/profiles'

/**
 * Every area, once. The single composition root: production entries (platform/cloudbase), the local
 * platform, the scripts (index list, known collections, database rules) and the test world all read
 * this list, so a function bundle cannot miss an order type's hooks or a listener, and no index or
 * collection exists that is not declared here. Adding an area is one line (docs/architecture.md).
 * Listener order is this order: attribution before groups, as the order core has always called them.
 */
export const AREAS: readonly AreaModule[] = [
  runtimeArea,
  householdsArea,
  accessArea,
  ordersArea,
  outboxArea,
  feesArea,
  groupbuyArea,
  repairsArea,
  attributionArea,
  groupsArea,
  metricsArea,
  notifyArea,
  storageArea,
  profilesArea,
]

/** A fresh wiring (its order-type map is per platform, so tests may swap hooks in one world only). */
export function appWiring(): Wiring {
  return composeAreas(AREAS)
}
