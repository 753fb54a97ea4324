import { createTestWorld, rid, type TestWorld } from '../../support/test-platform'
import { invokeLocal } from '../../../cloudfunctions/platform/local/invoke-local'
import type { SandboxPayments } from '../../../cloudfunctions/platform/local/sandbox-pay/sandbox-payments'
import { must } from '../../../cloudfunctions/core/kernel/db-result'
import { COLLECTIONS } from '../../../cloudfunctions/core/households/registry-collections'
import type { FnReply } from '../../../cloudfunctions/contracts/envelope'
import { DbCheckpoint, SandboxCheckpoint } from './db-checkpoint'
import { accessAndGroupFixtures, COMMUNITY, eventFixtures, feeFixtures, fixtureOk, groupbuyFixtures, HOUSEHOLD, orderFixtures, OTHER_COMMUNITY, repairFixtures } from './hardening-fixtures'
import { ROLE_OPENID, type Role } from './roles'

export { COMMUNITY, HOUSEHOLD, OTHER_COMMUNITY } from './hardening-fixtures'
import { profilesFixtures } from './profiles-fixtures'

/** Ids of the things the matrix and fault suites aim at, all belonging to the demo owner's household or the steward's grid. */
export interface Fixtures {
  now: Date
  familyMemberId: string
  pendingMemberId: string
  tenantMemberId: string
  inviteCode: string
  unpaidBillIds: string[]
  paidBillIds: string[]
  receiptId: string
  invoiceId: string
  orderUnpaid: string
  orderPaid: string
  orderFulfilled: string
  ticketAssigned: string
  ticketAccepted: string
  ticketInProgress: string
  ticketCompleted: string
  visitorPass: { passId: string; token: string }
  merchantCode: string
  alertId: string
  /** A PNG already in storage under groups/, as the mini-program's upload leaves it. */
  qrFileId: string
  /** A fresh resident pass of the owner for 1栋1单元门, as a door reader would scan it. */
  readerCode: string
  /** The group the owner was assigned to by `join` (waiting for confirmJoined). */
  joinedGroupId: string
  campaignOpen: string
  skuOpen: string
  campaignDraft: string
  campaignToClose: string
  pickupCode: string
  gbOrderId: string
  pollOpen: string
  /** The steward's segment and a push to it that reached the demo owner's household. */
  segmentId: string
  pushId: string
  /** The current code of ev-demo-aircon (the owner is signed up for it) and a receipt under events/. */
  eventCode: string
  receiptFileId: string
}

export interface HardeningWorld {
  world: TestWorld
  fx: Fixtures
  /** Rewinds the app database and the sandbox payment ledger to the state right after the fixtures. */
  checkpoint: Pick<DbCheckpoint, 'restore' | 'changes'>
  /** Calls a function as one of the matrix roles. */
  callAs(role: Role, fn: string, event: Record<string, unknown>): Promise<FnReply<any>>
}

async function addPeople(world: TestWorld): Promise<void> {
  const db = world.platform.db
  const now = world.clock.now()
  must(await db.collection(COLLECTIONS.residents).add({ _id: 'r-hj-neighbour', openid: 'hj-neighbour', householdId: 'h-1-1-102', communityId: COMMUNITY, role: 'owner', status: 'active', boundAt: now }))
  // The second community: registry through the ops console, its own ops and one bound resident.
  const con = (event: Record<string, unknown>, what: string) => fixtureOk(world.console('ops', { requestId: rid('hj'), ...event }), what)
  await con({ action: 'upsertCommunity', communityId: OTHER_COMMUNITY, name: '翠湖苑', city: '杭州' }, 'other community')
  await con(
    { action: 'importHouseholds', communityId: OTHER_COMMUNITY, csv: '楼栋,单元,房号,面积,业主姓名,业主手机\n1栋,1单元,101,90,赵一,13700000001\n1栋,1单元,102,95,钱二,13700000002\n' },
    'other registry',
  )
  await con({ action: 'addStaff', communityId: OTHER_COMMUNITY, openid: 'hj-ops-other', role: 'ops', name: '周经理' }, 'other ops')
  // A technician who worked here until ops removed them: no staff action may answer them any more.
  await con({ action: 'addStaff', communityId: COMMUNITY, openid: 'hj-removed-tech', role: 'technician', name: '吴师傅' }, 'technician to remove')
  await con({ action: 'removeStaff', communityId: COMMUNITY, openid: 'hj-removed-tech', role: 'technician' }, 'removed technician')
  await con({ action: 'upsertFeeItem', communityId: OTHER_COMMUNITY, code: 'property', name: '物业费', kind: 'per_area', unitPriceFen: 300 }, 'other fee item')
  const otherHousehold = (must(await db.collection(COLLECTIONS.households).where({ communityId: OTHER_COMMUNITY }).limit(1).get()).data as { _id: string }[])[0]
  must(await db.collection(COLLECTIONS.residents).add({ _id: 'r-hj-other-owner', openid: 'hj-other-owner', householdId: otherHousehold._id, communityId: OTHER_COMMUNITY, role: 'owner', status: 'active', boundAt: now }))
}

/** Family or tenant through the real flow: owner invites, the person accepts, the owner approves (or not). */
async function invite(world: TestWorld, openid: string, role: 'family' | 'tenant', approve: boolean): Promise<string> {
  const inv = await fixtureOk(world.call('households', 'demo-owner', { action: 'createInvite', requestId: rid('inv'), householdId: HOUSEHOLD, role }), 'invite')
  const acc = await fixtureOk(world.call('households', openid, { action: 'acceptInvite', requestId: rid('acc'), code: inv.code }), 'accept')
  if (approve) await fixtureOk(world.call('households', 'demo-owner', { action: 'approveMember', requestId: rid('apr'), householdId: HOUSEHOLD, memberId: acc.memberId }), 'approve')
  return acc.memberId
}

/**
 * The demo community plus everything the matrix needs: the extra people (tenant, neighbour, a second
 * community with its ops and a resident), and one of each thing an action can aim at. A checkpoint is
 * taken at the end; `checkpoint.restore()` rewinds to it.
 */
export async function createHardeningWorld(): Promise<HardeningWorld> {
  const world = await createTestWorld({ seed: true })
  ;(world.platform.ports.payments as SandboxPayments).autoSettleRefunds = false
  await addPeople(world)
  const tenantMemberId = await invite(world, 'hj-tenant', 'tenant', true)
  const pendingMemberId = await invite(world, 'hj-pending', 'family', false)
  const removedMemberId = await invite(world, 'hj-removed', 'tenant', true)
  await fixtureOk(world.call('households', 'demo-owner', { action: 'removeMember', requestId: rid('rm'), householdId: HOUSEHOLD, memberId: removedMemberId }), 'remove member')
  const openInvite = await fixtureOk(world.call('households', 'demo-owner', { action: 'createInvite', requestId: rid('inv'), householdId: HOUSEHOLD, role: 'family' }), 'open invite')
  const fx: Fixtures = {
    now: world.clock.now(),
    familyMemberId: 'r-family',
    pendingMemberId,
    tenantMemberId,
    inviteCode: openInvite.code,
    ...(await feeFixtures(world)),
    ...(await orderFixtures(world)),
    ...(await repairFixtures(world)),
    ...(await groupbuyFixtures(world)),
    ...(await accessAndGroupFixtures(world)),
    ...(await profilesFixtures(world)),
    ...(await eventFixtures(world)),
  }
  const db = new DbCheckpoint(world.platform)
  // The sandbox ledger is private to the adapter; reaching into it is fine for a test-only rewind.
  const sandbox = new SandboxCheckpoint((world.platform.ports.payments as unknown as { store: { db: ConstructorParameters<typeof SandboxCheckpoint>[0] } }).store.db)
  db.take()
  sandbox.take()
  const checkpoint = {
    restore: () => {
      db.restore()
      sandbox.restore()
    },
    changes: (except?: string[]) => db.changes(except),
  }
  const callAs = (role: Role, fn: string, event: Record<string, unknown>) =>
    role === 'console' ? world.console(fn, event) : role === 'none' ? invokeLocal(world.platform, fn, event, { openid: null, kind: 'user' }) : world.call(fn, ROLE_OPENID[role]!, event)
  return { world, fx, checkpoint, callAs }
}

