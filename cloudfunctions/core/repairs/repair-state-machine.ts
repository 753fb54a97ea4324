import type { RepairStatus, TicketAction } from '../../contracts/repairs.contract'
import { DomainError } from '../kernel/domain-error'
import { REPAIR_ERROR_MESSAGES } from '../../contracts/errors/repairs'

/** Who may fire a transition, as a relation to the ticket (resolved in ticket-access.ts). */
export type Actor = 'resident' | 'technician' | 'steward' | 'ops' | 'system'

export interface TransitionRule {
  from: readonly RepairStatus[]
  to: RepairStatus
  actors: readonly Actor[]
  /** Tell the resident (subscribe message) — the state changes they care about. */
  notifyResident: boolean
  /** Tell the (new) assignee. */
  notifyTechnician: boolean
}

/**
 * The ticket lifecycle, as data. Every state change in the code goes through `ruleFor` and is applied as a
 * conditional update on `status ∈ from` (transition.service.ts), so two racing requests cannot both win.
 *
 *   submitted → assigned → accepted → in_progress → completed → rated
 *   cancel: before work starts (submitted | assigned | accepted); reopen: completed | rated, within 7 days
 */
export const TRANSITIONS = {
  assign: { from: ['submitted'], to: 'assigned', actors: ['system', 'steward', 'ops'], notifyResident: true, notifyTechnician: true },
  reassign: { from: ['assigned', 'accepted'], to: 'assigned', actors: ['steward', 'ops'], notifyResident: true, notifyTechnician: true },
  accept: { from: ['assigned'], to: 'accepted', actors: ['technician'], notifyResident: true, notifyTechnician: false },
  start: { from: ['accepted'], to: 'in_progress', actors: ['technician'], notifyResident: true, notifyTechnician: false },
  complete: { from: ['in_progress'], to: 'completed', actors: ['technician'], notifyResident: true, notifyTechnician: false },
  rate: { from: ['completed'], to: 'rated', actors: ['resident'], notifyResident: false, notifyTechnician: true },
  cancel: { from: ['submitted', 'assigned', 'accepted'], to: 'cancelled', actors: ['resident'], notifyResident: false, notifyTechnician: true },
  reopen: { from: ['completed', 'rated'], to: 'assigned', actors: ['resident'], notifyResident: false, notifyTechnician: true },
} as const satisfies Record<string, TransitionRule>

export type TransitionName = keyof typeof TRANSITIONS

/** A resident may reopen a completed ticket for this long. */
export const REOPEN_WINDOW_MS = 7 * 86400_000

export function ruleFor(name: TransitionName): TransitionRule {
  return TRANSITIONS[name]
}

export function canFire(name: TransitionName, status: RepairStatus, actors: readonly Actor[]): boolean {
  const rule: TransitionRule = TRANSITIONS[name]
  return rule.from.includes(status) && rule.actors.some((a) => actors.includes(a))
}

export function illegalTransition(): DomainError {
  return new DomainError('REPAIR.ILLEGAL_TRANSITION', REPAIR_ERROR_MESSAGES['REPAIR.ILLEGAL_TRANSITION'])
}

/** Throws unless the status allows the transition (the actor check is authorization's job). */
export function assertFrom(name: TransitionName, status: RepairStatus): TransitionRule {
  const rule: TransitionRule = TRANSITIONS[name]
  if (!rule.from.includes(status)) {
    if (name === 'rate' && status === 'rated') throw new DomainError('REPAIR.ALREADY_RATED', REPAIR_ERROR_MESSAGES['REPAIR.ALREADY_RATED'])
    throw illegalTransition()
  }
  return rule
}

/** The buttons a viewer gets: transitions whose from-state matches and whose actor the viewer is. */
export function availableActions(status: RepairStatus, actors: readonly Actor[]): TicketAction[] {
  const names: TicketAction[] = ['cancel', 'rate', 'reopen', 'accept', 'start', 'complete', 'reassign']
  return names.filter((n) => canFire(n, status, actors))
}
