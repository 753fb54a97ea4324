import { groupsContract } from '../contracts/groups.contract'
import { defineFunction, userOpenid } from '../runtime/define-function'
import { loadManagedGroup, staffCommunity } from '../core/groups/group-access'
import { oneGroupView, groupViews } from '../core/groups/group-views.service'
import { createGroup, listGroups, updateGroup } from '../core/groups/registry.service'
import { bindOpenGid, confirmJoined, recordEntry } from '../core/groups/group-binding.service'
import { remindExpiringCodes, uploadCode } from '../core/groups/group-code.service'
import { joinGroup } from '../core/groups/join.service'
import { myMemberships } from '../core/groups/memberships.query'
import { todayTasks } from '../core/groups/tasks.query'
import { membersToMove } from '../core/groups/members-to-move.query'
import { loadPlaybook, loadPlaybooks, playbookView, searchReplies } from '../core/groups/playbook.service'
import { ackAlert } from '../core/groups/steward-alerts'
import { claimMerchant, inviteMerchant } from '../core/groups/merchants.service'
import { isDomainCode, withGuessLimit } from '../core/kernel/guess-limit'
import { runLifecycle } from '../core/groups/lifecycle.job'
import { loadBuildingNames } from '../core/groups/group-access'
import { groupSummary } from '../core/groups/group-view'

/**
 * 社群: group registry and live codes for stewards, joining for residents. Timers: `groupCodeReminders`
 * (hourly: remind a day before a code lapses) and `groupLifecycle` (daily: flag silent groups).
 */
export const groupsFunction = defineFunction(
  groupsContract,
  {
    createGroup: async (input, ctx) => oneGroupView(ctx.platform, await createGroup(ctx.platform.db, await ctx.access(), input, ctx.now())),
    updateGroup: async (input, ctx) => oneGroupView(ctx.platform, await updateGroup(ctx.platform.db, await ctx.access(), input, ctx.now())),
    myGroups: async (input, ctx) => {
      const access = await ctx.access()
      const groups = await listGroups(ctx.platform.db, access, staffCommunity(access, input.communityId))
      return { groups: await groupViews(ctx.platform, groups) }
    },
    bindGroup: async (input, ctx) => oneGroupView(ctx.platform, await bindOpenGid(ctx.platform, await ctx.access(), input.groupId, input.cloudID)),
    uploadCode: async (input, ctx) => oneGroupView(ctx.platform, await uploadCode(ctx.platform, await ctx.access(), input)),
    todayTasks: async (input, ctx) => {
      const access = await ctx.access()
      return todayTasks(ctx.platform, access, staffCommunity(access, input.communityId))
    },
    ackTask: async (input, ctx) => ({ acked: await ackAlert(ctx.platform.db, userOpenid(ctx), input.taskId) }),
    playbook: async (input, ctx) => {
      const group = await loadManagedGroup(ctx.platform.db, await ctx.access(), input.groupId)
      return playbookView(await loadPlaybook(ctx.platform.db, group.communityId, group.kind), group, ctx.now())
    },
    searchReplies: async (input, ctx) => {
      const access = await ctx.access()
      const communityId = staffCommunity(access, input.communityId)
      return { results: searchReplies(await loadPlaybooks(ctx.platform.db, communityId), input.keyword, input.kind) }
    },
    membersToMove: async (input, ctx) => membersToMove(ctx.platform, await ctx.access(), input.groupId),
    inviteMerchant: async (input, ctx) => inviteMerchant(ctx.platform, await ctx.access(), input),
    claimMerchant: async (input, ctx) =>
      withGuessLimit(ctx.platform.db, 'merchant', userOpenid(ctx), ctx.now(), () => claimMerchant(ctx.platform, userOpenid(ctx), input.code), isDomainCode('GROUP.INVITE_INVALID')),
    join: async (input, ctx) => joinGroup(ctx.platform, await ctx.access(), input),
    confirmJoined: async (input, ctx) => {
      const group = await confirmJoined(ctx.platform, await ctx.access(), input.groupId)
      return { joined: true as const, memberCount: group.memberCount }
    },
    myMemberships: async (_input, ctx) => myMemberships(ctx.platform, userOpenid(ctx)),
    recordEntry: async (input, ctx) => {
      const group = await recordEntry(ctx.platform, await ctx.access(), input.cloudID, ctx.requestId)
      if (!group) return { recognized: false, group: null }
      return { recognized: true, group: groupSummary(group, await loadBuildingNames(ctx.platform.db, group.buildingIds)) }
    },
  },
  {
    timers: {
      groupCodeReminders: (ctx) => remindExpiringCodes(ctx.platform),
      groupLifecycle: (ctx) => runLifecycle(ctx.platform),
    },
  },
)

