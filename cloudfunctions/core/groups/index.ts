import { defineArea } from '../kernel/area'
import { GROUP_ERROR_MESSAGES } from '../../contracts/errors/groups'
import { GROUP_COLLECTIONS, GROUP_INDEXES } from './group.model'
import { groupsPaidEffect } from './group-order-listener'
import { groupProfileFactsEffect } from './group-profile-facts.effect'
import { ENTRY_ACTIVITY_EFFECT, groupEntryActivityEffect } from './group-entry-activity.effect'

/** 社群: WeChat groups, membership, playbooks, merchants and the steward's alerts. */
export const groupsArea = defineArea({
  name: 'groups',
  collections: Object.values(GROUP_COLLECTIONS),
  indexes: GROUP_INDEXES,
  errors: GROUP_ERROR_MESSAGES,
  effects: {
    'groups.paid-activity': groupsPaidEffect,
    [ENTRY_ACTIVITY_EFFECT]: groupEntryActivityEffect,
    'groups.profile-facts': groupProfileFactsEffect,
  },
})

/* The area's public surface for other areas (dependency rule: core areas meet only through index.ts). */
export { listGroups } from './registry.service'
export { GROUP_TOPICS } from './group-events'
export type { GroupEventPayload, GroupTopic } from './group-events'
export { todayTasks } from './tasks.query'
export { groupsOfMembers } from './groups-of-members.query'
