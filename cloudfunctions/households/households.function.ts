import { householdsContract } from '../contracts/households.contract'
import { defineFunction, userOpenid } from '../runtime/define-function'
import { DomainError, forbidden } from '../core/kernel/domain-error'
import { authorize, can } from '../core/auth/authorize'
import { loadMe } from '../core/households/me.query'
import { getNotice, listNotices } from '../core/households/notices.query'
import { noticeAudience } from '../core/households/notice-audience'
import { listBuildings, listCommunities, listRooms, listUnits } from '../core/households/catalog.query'
import { bindHousehold, clearBindGuard } from '../core/households/binding.service'
import { acceptInvite, createInvite, inviteInfo } from '../core/households/invite.service'
import { approveMember, listMembers, removeMember, setSharing } from '../core/households/members.service'
import { setCurrentHousehold } from '../core/households/current-household'
import { householdDetail } from '../core/households/household-detail.query'
import { stewardGrids, stewardHouseholds } from '../core/households/steward-grid.query'
import { getHousehold } from '../core/households/household-summary'
import { phonePepper } from '../core/households/phone'
import { isDomainCode, withGuessLimit } from '../core/kernel/guess-limit'
import { tellOwnersOfJoinRequest } from '../core/households/join-notice'
import { listInbox, markInboxRead } from '../core/notify'
import { workbench } from '../core/workbench/workbench.query'

/** A router: identity and access in, one core call out. Rules live in core/households and core/auth. */
export const householdsFunction = defineFunction(householdsContract, {
  me: async (_input, ctx) => loadMe(ctx.platform.db, userOpenid(ctx)),
  notices: async (input, ctx) => {
    const me = await loadMe(ctx.platform.db, userOpenid(ctx))
    const current = me.households.find((h) => h.householdId === me.currentHouseholdId)?.communityId ?? me.roles[0]?.communityId
    const communityId = input.communityId ?? current
    if (!communityId) return { community: null, items: [], hasMore: false }
    const audience = await noticeAudience(ctx.platform.db, me, communityId, ctx.now())
    if (!audience) throw forbidden()
    return listNotices(ctx.platform.db, audience, input.offset, input.limit)
  },
  notice: async (input, ctx) => {
    const me = await loadMe(ctx.platform.db, userOpenid(ctx))
    return getNotice(ctx.platform.db, (communityId) => noticeAudience(ctx.platform.db, me, communityId, ctx.now()), input.id)
  },

  listCommunities: async (input, ctx) => (userOpenid(ctx), listCommunities(ctx.platform.db, input.keyword)),
  listBuildings: async (input, ctx) => (userOpenid(ctx), listBuildings(ctx.platform.db, input.communityId)),
  listUnits: async (input, ctx) => (userOpenid(ctx), listUnits(ctx.platform.db, input.buildingId)),
  listRooms: async (input, ctx) => (userOpenid(ctx), listRooms(ctx.platform.db, input.buildingId, input.unit)),
  bind: async (input, ctx) => {
    // Outcome and household only: the owner's name and phone never reach a log line.
    try {
      const result = await bindHousehold(ctx.platform, { ...input, openid: userOpenid(ctx), now: ctx.now(), pepper: phonePepper(ctx.platform.env) })
      ctx.platform.logger.info('household.bound', { householdId: input.householdId })
      return result
    } catch (e) {
      if (e instanceof DomainError) ctx.platform.logger.warn('household.bind_refused', { householdId: input.householdId, code: e.code })
      throw e
    }
  },

  clearBindLock: async (input, ctx) => {
    const [access, h] = await Promise.all([ctx.access(), getHousehold(ctx.platform.db, input.householdId)])
    authorize(access, 'household.resetBindLock', { communityId: h.communityId, householdId: h._id, buildingId: h.buildingId })
    const result = await clearBindGuard(ctx.platform.db, h._id)
    const role = can(access, 'community.manage', { communityId: h.communityId }) ? 'ops' : 'steward'
    ctx.platform.logger.info('household.bind_lock_cleared', { householdId: h._id, byRole: role, cleared: result.cleared })
    return result
  },
  createInvite: async (input, ctx) => createInvite(ctx.platform.db, await ctx.access(), input.householdId, input.role, ctx.now()),
  // Invite codes are bearer credentials: wrong ones are counted per identity (core/kernel/guess-limit.ts).
  inviteInfo: async (input, ctx) =>
    withGuessLimit(ctx.platform.db, 'invite', userOpenid(ctx), ctx.now(), () => inviteInfo(ctx.platform.db, userOpenid(ctx), input.code, ctx.now()), isDomainCode('INVITE.NOT_FOUND')),
  acceptInvite: async (input, ctx) => {
    const { role, at, ...accepted } = await withGuessLimit(
      ctx.platform.db,
      'invite',
      userOpenid(ctx),
      ctx.now(),
      () => acceptInvite(ctx.platform.db, userOpenid(ctx), input.code, input.nickname, ctx.now()),
      isDomainCode('INVITE.NOT_FOUND'),
    )
    await tellOwnersOfJoinRequest(ctx.platform, { ...accepted, role, at, nickname: input.nickname ?? null })
    return accepted
  },
  members: async (input, ctx) => listMembers(ctx.platform.db, await ctx.access(), input.householdId),
  approveMember: async (input, ctx) => approveMember(ctx.platform.db, await ctx.access(), input.householdId, input.memberId, ctx.now()),
  setSharing: async (input, ctx) => setSharing(ctx.platform.db, await ctx.access(), input.householdId, { family: input.family, tenant: input.tenant }, ctx.now()),
  removeMember: async (input, ctx) => removeMember(ctx.platform.db, await ctx.access(), input.householdId, input.memberId, ctx.now()),
  switchHousehold: async (input, ctx) => {
    const [access, h] = await Promise.all([ctx.access(), getHousehold(ctx.platform.db, input.householdId)])
    authorize(access, 'household.act', { communityId: h.communityId, householdId: h._id, buildingId: h.buildingId })
    await setCurrentHousehold(ctx.platform.db, access.openid, h._id, ctx.now())
    return { currentHouseholdId: h._id }
  },
  householdDetail: async (input, ctx) => householdDetail(ctx.platform.db, await ctx.access(), input.householdId),
  workbench: async (_input, ctx) => workbench(ctx.platform, await ctx.access()),

  // Anyone with an openid has an inbox; it only ever holds messages addressed to that openid.
  inbox: async (input, ctx) => listInbox(ctx.platform.db, userOpenid(ctx), input.offset, input.limit),
  inboxRead: async (input, ctx) => markInboxRead(ctx.platform.db, userOpenid(ctx), input.ids, ctx.now()),

  stewardGrid: async (_input, ctx) => stewardGrids(ctx.platform.db, await ctx.access()),
  stewardHouseholds: async (input, ctx) => stewardHouseholds(ctx.platform.db, await ctx.access(), input.buildingId, input.offset, input.limit),
})
