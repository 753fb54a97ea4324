import { defineArea } from '../kernel/area'
import { REPAIR_ERROR_MESSAGES } from '../../contracts/errors/repairs'
import { REPAIR_COLLECTIONS, REPAIR_INDEXES } from './repair.model'
import { repairProfileFactsEffect } from './repair-profile-facts.effect'

/** 报事报修: tickets, dispatch, SLA, ratings and technicians. */
export const repairsArea = defineArea({
  name: 'repairs',
  collections: Object.values(REPAIR_COLLECTIONS),
  indexes: REPAIR_INDEXES,
  errors: REPAIR_ERROR_MESSAGES,
  effects: { 'repairs.profile-facts': repairProfileFactsEffect },
})

export { handOverTickets } from './staff-departure.service'

/* The area's public surface for other areas (dependency rule: core areas meet only through index.ts). */
export { REPAIR_COLLECTIONS } from './repair.model'
export { REPAIR_TOPICS } from './repair-events'
export type { RepairEventPayload, RepairTopic } from './repair-events'
export type { SatisfactionDoc } from './repair.model'
export { communityRollupId, stewardRollupId } from './satisfaction.keys'
export { figureOf } from './satisfaction.query'
export { myDuty } from './technicians.service'
export { technicianQueue } from './ticket-queries'
export { openTicketCounts, technicianCounts } from './ticket-counts.query'
export { emptyRepairMonth, repairsOfMonth } from './repair-month.query'
export type { RepairMonth } from './repair-month.query'
