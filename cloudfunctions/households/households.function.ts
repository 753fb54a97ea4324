import { householdsContract } from '../contracts/households.contract'
import { defineFunction, userOpenid } from '../runtime/define-function'
import { DomainError, forbidden } from '../core/kernel/domain-error'
import { userAccess } from '../core/auth/caller-access'
import { authorize } from '../core/auth/authorize'
import { loadMe } from '../core/households/me.query'
import { listNotices } from '../core/households/notices.query'
import { listBuildings, listCommunities, listRooms, listUnits } from '../core/households/catalog.query'
import { bindHousehold } from '../core/households/binding.service'
import { acceptInvite, createInvite, inviteInfo } from '../core/households/invite.service'
import { approveMember, listMembers, removeMember } from '../core/households/members.service'
import { setCurrentHousehold } from '../core/households/current-household'
import { householdDetail } from '../core/households/household-detail.query'
import { stewardGrids, stewardHouseholds } from '../core/households/steward-grid.query'
import { getHousehold } from '../core/households/household-summary'
import { phonePepper } from '../core/households/phone'

/** A router: identity and access in, one core call out. Rules live in core/households and core/auth. */
export const householdsFunction = defineFunction(householdsContract, {
  me: async (_input, ctx) => loadMe(ctx.platform.db, userOpenid(ctx)),
  notices: async (input, ctx) => {
    const me = await loadMe(ctx.platform.db, userOpenid(ctx))
    const visible = new Set([...me.households.map((h) => h.communityId), ...me.roles.map((r) => r.communityId)])
    const current = me.households.find((h) => h.householdId === me.currentHouseholdId)?.communityId ?? me.roles[0]?.communityId
    const communityId = input.communityId ?? current
    if (!communityId) return { community: null, notices: [] }
    if (!visible.has(communityId)) throw forbidden()
    return listNotices(ctx.platform.db, communityId)
  },

  listCommunities: async (input, ctx) => (userOpenid(ctx), listCommunities(ctx.platform.db, input.keyword)),
  listBuildings: async (input, ctx) => (userOpenid(ctx), listBuildings(ctx.platform.db, input.communityId)),
  listUnits: async (input, ctx) => (userOpenid(ctx), listUnits(ctx.platform.db, input.buildingId)),
  listRooms: async (input, ctx) => (userOpenid(ctx), listRooms(ctx.platform.db, input.buildingId, input.unit)),
  bind: async (input, ctx) => {
    // Outcome and household only: the owner's name and phone never reach a log line.
    try {
      const result = await bindHousehold(ctx.platform.db, { ...input, openid: userOpenid(ctx), now: ctx.now(), pepper: phonePepper(ctx.platform.env) })
      ctx.platform.logger.info('household.bound', { householdId: input.householdId })
      return result
    } catch (e) {
      if (e instanceof DomainError) ctx.platform.logger.warn('household.bind_refused', { householdId: input.householdId, code: e.code })
      throw e
    }
  },

  createInvite: async (input, ctx) => createInvite(ctx.platform.db, await userAccess(ctx), input.householdId, input.role, ctx.now()),
  inviteInfo: async (input, ctx) => inviteInfo(ctx.platform.db, userOpenid(ctx), input.code, ctx.now()),
  acceptInvite: async (input, ctx) => acceptInvite(ctx.platform.db, userOpenid(ctx), input.code, input.nickname, ctx.now()),
  members: async (input, ctx) => listMembers(ctx.platform.db, await userAccess(ctx), input.householdId),
  approveMember: async (input, ctx) => approveMember(ctx.platform.db, await userAccess(ctx), input.householdId, input.memberId, ctx.now()),
  removeMember: async (input, ctx) => removeMember(ctx.platform.db, await userAccess(ctx), input.householdId, input.memberId, ctx.now()),
  switchHousehold: async (input, ctx) => {
    const [access, h] = await Promise.all([userAccess(ctx), getHousehold(ctx.platform.db, input.householdId)])
    authorize(access, 'household.act', { communityId: h.communityId, householdId: h._id, buildingId: h.buildingId })
    await setCurrentHousehold(ctx.platform.db, access.openid, h._id, ctx.now())
    return { currentHouseholdId: h._id }
  },
  householdDetail: async (input, ctx) => householdDetail(ctx.platform.db, await userAccess(ctx), input.householdId),

  stewardGrid: async (_input, ctx) => stewardGrids(ctx.platform.db, await userAccess(ctx)),
  stewardHouseholds: async (input, ctx) => stewardHouseholds(ctx.platform.db, await userAccess(ctx), input.buildingId, input.offset, input.limit),
})
