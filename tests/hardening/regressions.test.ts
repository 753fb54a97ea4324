import type { FnReply } from '../../cloudfunctions/contracts/envelope'
import type { FaultHook } from '../../cloudfunctions/platform/local/db/local-db-engine'
import { must } from '../../cloudfunctions/core/kernel/db-result'
import { COLLECTIONS } from '../../cloudfunctions/core/households/registry-collections'
import { GROUP_COLLECTIONS } from '../../cloudfunctions/core/groups/group.model'
import { ACCESS_COLLECTIONS } from '../../cloudfunctions/core/access/access.model'
import { phonePepper } from '../../cloudfunctions/core/households/phone'
import { createTestWorld, dumpDatabase } from '../support/test-platform'
import { createHardeningWorld, HOUSEHOLD, COMMUNITY, type HardeningWorld } from './support/hardening-world'

/**
 * Bugs the fault-injection and matrix suites found, one test each, named after the bug. Each fails the
 * one database call that exposed it (matched by wire action and collection) and checks the repaired
 * behaviour directly, so it keeps failing loudly if the fix is undone.
 */
describe('hardening regressions', () => {
  let h: HardeningWorld
  beforeAll(async () => {
    h = await createHardeningWorld()
  }, 60_000)
  afterAll(() => h.world.close())
  beforeEach(() => h.checkpoint.restore())

  const engine = () => h.world.platform.local.engine
  const db = () => h.world.platform.db

  /** Fails the nth call (1-based) of this wire action on this collection, once. */
  function failOnce(action: string, collection: string, nth = 1): { fired: () => boolean } {
    let seen = 0
    let fired = false
    const hook: FaultHook = (a, params) => {
      if (fired || a !== `database.${action}` || params.collectionName !== collection) return
      seen += 1
      if (seen === nth) {
        fired = true
        engine().faultHook = undefined
        throw new Error('injected fault')
      }
    }
    engine().faultHook = hook
    return { fired: () => fired }
  }
  afterEach(() => {
    engine().faultHook = undefined
  })

  async function count(collection: string, where: Record<string, unknown>): Promise<number> {
    return must(await db().collection(collection).where(where).count()).total
  }

  it('regression: a failed write of the idempotency record made the retry run the action twice', async () => {
    const event = {
      action: 'createVisitorPass',
      requestId: 'reg-idem-record-1',
      householdId: HOUSEHOLD,
      visitorName: '重试访客',
      startsAt: h.fx.now.toISOString(),
      endsAt: new Date(h.fx.now.getTime() + 3600_000).toISOString(),
      maxUses: 1,
      doorIds: ['d-sun-gate-s'],
    }
    const fault = failOnce('modifyDocument', 'idempotency_keys')
    const first = await h.callAs('owner', 'access', event)
    expect(fault.fired()).toBe(true)
    expect(first.ok).toBe(true)
    // Past the pending-key takeover window: before the fix the retry re-ran and made a second pass.
    h.world.clock.advance(61_000)
    const second = await h.callAs('owner', 'access', event)
    h.world.clock.set(h.fx.now.toISOString())
    expect(second).toEqual(first)
    expect(await count(ACCESS_COLLECTIONS.visitorPasses, { visitorName: '重试访客' })).toBe(1)
  })

  it('regression: a database error reading a merchant code was answered as an invalid code', async () => {
    failOnce('getDocument', GROUP_COLLECTIONS.merchantInvites)
    const reply = await h.callAs('unbound', 'groups', { action: 'claimMerchant', requestId: 'reg-merchant-read-1', code: h.fx.merchantCode })
    expect(reply).toMatchObject({ ok: false, code: 'INTERNAL' })
  })

  it('regression: a failed merchant write inside claimMerchant still used up the code', async () => {
    failOnce('modifyDocument', GROUP_COLLECTIONS.merchants)
    const event = { action: 'claimMerchant', requestId: 'reg-merchant-write-1', code: h.fx.merchantCode }
    const first = await h.callAs('unbound', 'groups', event)
    expect(first).toMatchObject({ ok: false, code: 'INTERNAL' })
    const invite = (must(await db().collection(GROUP_COLLECTIONS.merchantInvites).doc(h.fx.merchantCode).get()).data as { claimedBy: string | null }[])[0]
    expect(invite.claimedBy).toBeNull()
    const retry = await h.callAs('unbound', 'groups', event)
    expect(retry.ok).toBe(true)
    expect(await count(GROUP_COLLECTIONS.merchants, { openid: 'demo-unbound' })).toBe(1)
  })

  it('regression: a failed membership write still moved the group head count', async () => {
    const group = () => must(db().collection(GROUP_COLLECTIONS.groups).doc(h.fx.joinedGroupId).get())
    const before = ((await group()).data as { memberCount: number }[])[0].memberCount
    failOnce('modifyDocument', GROUP_COLLECTIONS.members)
    const event = { action: 'confirmJoined', requestId: 'reg-join-count-1', groupId: h.fx.joinedGroupId }
    expect(await h.callAs('owner', 'groups', event)).toMatchObject({ ok: false, code: 'INTERNAL' })
    expect(((await group()).data as { memberCount: number }[])[0].memberCount).toBe(before)
    const retry = (await h.callAs('owner', 'groups', event)) as FnReply<{ memberCount: number }>
    expect(retry).toMatchObject({ ok: true, data: { memberCount: before + 1 } })
  })

  it('regression: a removed steward kept their buildings when the call failed half-way', async () => {
    // The grid write fails: before the fix the steward was already marked removed and a retry said
    // STAFF.NOT_FOUND, leaving 4–6栋 owned by nobody active and unassignable.
    failOnce('modifyDocument', COLLECTIONS.grids)
    const event = { action: 'removeStaff', requestId: 'reg-remove-steward-1', communityId: COMMUNITY, openid: 'demo-steward-2', role: 'steward' }
    expect(await h.world.console('ops', event)).toMatchObject({ ok: false, code: 'INTERNAL' })
    expect(await count(COLLECTIONS.staff, { openid: 'demo-steward-2', status: 'active' })).toBe(1)
    const retry = await h.world.console('ops', event)
    expect(retry).toMatchObject({ ok: true, data: { releasedBuildings: ['4栋', '5栋', '6栋'] } })
    expect(await count(COLLECTIONS.staff, { openid: 'demo-steward-2', status: 'active' })).toBe(0)
    const grid = (must(await db().collection(COLLECTIONS.grids).doc('g-steward-2').get()).data as { buildingIds: string[] }[])[0]
    expect(grid.buildingIds).toEqual([])
  })
})

describe('hardening regressions: secrets', () => {
  it('regression: in the cloud, owner phones were hashed with the public dev pepper when PHONE_PEPPER was unset', async () => {
    expect(() => phonePepper({ TENCENTCLOUD_RUNENV: 'SCF' })).toThrow(/PHONE_PEPPER/)
    expect(phonePepper({ TENCENTCLOUD_RUNENV: 'SCF', PHONE_PEPPER: 'from-the-secret-store' })).toBe('from-the-secret-store')
    // The embedded world keeps working without setup.
    expect(phonePepper({})).toBe('local-dev-pepper')

    const world = await createTestWorld({ env: { PHONE_PEPPER: '', TENCENTCLOUD_RUNENV: 'SCF' } })
    try {
      const before = dumpDatabase(world.platform)
      const bind = await world.call('households', 'demo-unbound', { action: 'bind', requestId: 'reg-pepper-bind-1', householdId: 'h-2-1-301', ownerName: '刘洋', phone: '13800002301' })
      const csv = '楼栋,单元,房号,面积,业主姓名,业主手机\n8栋,1单元,101,90,周八,13700000008\n'
      const imported = await world.console('ops', { action: 'importHouseholds', requestId: 'reg-pepper-import-1', communityId: COMMUNITY, csv })
      expect(bind).toMatchObject({ ok: false, code: 'INTERNAL' })
      expect(imported).toMatchObject({ ok: false, code: 'INTERNAL' })
      expect(dumpDatabase(world.platform)).toEqual(before)
    } finally {
      world.close()
    }
  })
})
