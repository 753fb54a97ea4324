import { householdsContract } from '../contracts/households.contract'
import { defineFunction, userOpenid } from '../runtime/define-function'
import { loadMe } from '../core/households/me.query'
import { listNotices } from '../core/households/notices.query'
import { forbidden } from '../runtime/domain-error'

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
})
