import { requirePort } from '../../../cloudfunctions/core/kernel/platform'
import { rid, type TestWorld } from '../../support/test-platform'
import type { SandboxPayments } from '../../../cloudfunctions/platform/local/sandbox-pay/sandbox-payments'
import { must } from '../../../cloudfunctions/core/kernel/db-result'
import { FEE_COLLECTIONS, type BillDoc } from '../../../cloudfunctions/core/fees/fee.model'
import { GROUP_COLLECTIONS } from '../../../cloudfunctions/core/groups/group.model'
import type { FnReply } from '../../../cloudfunctions/contracts/envelope'

/**
 * One of each thing an action of the matrix can aim at, made through the functions themselves (as a
 * resident, steward or ops would) wherever they allow it: bills and an invoice, orders in each state,
 * tickets in each state, campaigns (draft, open, formed with a pickup code), a visitor pass, a merchant
 * code, a steward alert, a stored QR image, a door pass and a group assignment.
 */
const HOUR = 3600_000

export const COMMUNITY = 'c-sunshine'
export const OTHER_COMMUNITY = 'c-hj-other'
export const HOUSEHOLD = 'h-1-1-101'

/** Unwraps a fixture call's reply; a fixture that cannot be made is a broken test world, not a finding. */
export async function fixtureOk<T = any>(p: Promise<FnReply<T>>, what: string): Promise<T> {
  const r = await p
  if (!r.ok) throw new Error(`hardening fixture "${what}" failed: ${r.code} ${r.message} ${JSON.stringify(r.issues ?? '')}`)
  return r.data
}

export async function feeFixtures(world: TestWorld) {
  const bills = must(await world.platform.db.collection(FEE_COLLECTIONS.bills).where({ householdId: HOUSEHOLD }).limit(100).get()).data as BillDoc[]
  const unpaid = bills.filter((b) => b.status !== 'paid').map((b) => b._id)
  const paid = bills.filter((b) => b.status === 'paid')
  const receiptId = paid[0].paidOrderId!
  const forInvoice = paid.filter((b) => b.paidOrderId === receiptId)
  const invoice = await fixtureOk(
    world.call('fees', 'demo-owner', { action: 'requestInvoice', requestId: rid('invc'), billIds: [forInvoice[0]._id], title: { type: 'personal', name: '王先生' } }),
    'invoice',
  )
  const rest = paid.filter((b) => b._id !== forInvoice[0]._id).map((b) => b._id)
  return { unpaidBillIds: unpaid, paidBillIds: rest.slice(0, 1), receiptId, invoiceId: invoice.invoice.invoiceId as string }
}

export async function orderFixtures(world: TestWorld) {
  const sandbox = world.platform.ports.payments as SandboxPayments
  const create = () => fixtureOk(world.call('orders', 'demo-owner', { action: 'createServiceOrder', requestId: rid('ord'), householdId: HOUSEHOLD, serviceItemId: 'svc-cleaning' }), 'service order')
  const paid = async () => {
    const o = await create()
    await sandbox.confirm(o.payment.prepayId, 'demo-owner')
    return o.order.orderId as string
  }
  const orderUnpaid = (await create()).order.orderId as string
  const orderPaid = await paid()
  const orderFulfilled = await paid()
  await fixtureOk(world.console('orders', { action: 'fulfil', requestId: rid('ful'), orderId: orderFulfilled }), 'fulfil')
  return { orderUnpaid, orderPaid, orderFulfilled }
}

export async function repairFixtures(world: TestWorld) {
  const create = async () =>
    (await fixtureOk(world.call('repairs', 'demo-owner', { action: 'create', requestId: rid('rp'), place: { kind: 'household', householdId: HOUSEHOLD }, category: 'plumbing', description: '卫生间地漏反味，需要检查' }), 'ticket')).ticketId as string
  const tech = (action: string, ticketId: string) => fixtureOk(world.call('repairs', 'demo-technician', { action, requestId: rid('rp'), ticketId }), action)
  const ticketAccepted = await create()
  await tech('accept', ticketAccepted)
  const ticketInProgress = await create()
  await tech('accept', ticketInProgress)
  await tech('start', ticketInProgress)
  return { ticketAssigned: 'rp-demo-sink', ticketCompleted: 'rp-demo-light', ticketAccepted, ticketInProgress }
}

export async function groupbuyFixtures(world: TestWorld) {
  const sandbox = world.platform.ports.payments as SandboxPayments
  const now = world.clock.now().getTime()
  const campaign = (publish: boolean, minParticipants: number) => {
    const deadline = now + 48 * HOUR
    return fixtureOk(
      world.console('ops', {
        action: 'groupbuyCreateCampaign',
        requestId: rid('gb'),
        communityId: COMMUNITY,
        title: '硬化测试 苹果',
        minParticipants,
        deadline: new Date(deadline).toISOString(),
        pickup: { point: '物业服务中心', startsAt: new Date(deadline + 24 * HOUR).toISOString(), endsAt: new Date(deadline + 30 * HOUR).toISOString() },
        skus: [{ title: '苹果 5斤', priceFen: 2990, stock: 50, limitPerHousehold: 5 }],
        publish,
      }),
      'campaign',
    )
  }
  const campaignDraft = (await campaign(false, 1)).campaignId as string
  const campaignToClose = (await campaign(true, 5)).campaignId as string
  const formed = (await campaign(true, 1)).campaignId as string
  const sku = (must(await world.platform.db.collection('groupbuy_skus').where({ campaignId: formed }).get()).data as { _id: string }[])[0]._id
  const placed = await fixtureOk(world.call('groupbuy', 'demo-owner', { action: 'placeOrder', requestId: rid('gbo'), campaignId: formed, householdId: HOUSEHOLD, items: [{ skuId: sku, quantity: 1 }] }), 'gb order')
  await sandbox.confirm(placed.payment.prepayId, 'demo-owner')
  await fixtureOk(world.console('ops', { action: 'groupbuyCloseNow', requestId: rid('gbc'), campaignId: formed }), 'close formed')
  const mine = await fixtureOk(world.call('groupbuy', 'demo-owner', { action: 'myOrders' }), 'my gb orders')
  const pickupCode = (mine.items as { campaignId: string; pickupCode: string | null }[]).find((e) => e.campaignId === formed)?.pickupCode
  if (!pickupCode) throw new Error('hardening fixture: no pickup code issued')
  return { campaignOpen: 'gb-demo-oranges', skuOpen: 'gb-demo-oranges_s1', campaignDraft, campaignToClose, pickupCode, gbOrderId: placed.order.orderId as string, pollOpen: 'gpoll-demo-oranges' }
}

export async function accessAndGroupFixtures(world: TestWorld) {
  const now = world.clock.now().getTime()
  const pass = await fixtureOk(
    world.call('access', 'demo-owner', {
      action: 'createVisitorPass',
      requestId: rid('vp'),
      householdId: HOUSEHOLD,
      visitorName: '李访客',
      startsAt: new Date(now).toISOString(),
      endsAt: new Date(now + 4 * HOUR).toISOString(),
      maxUses: 3,
      doorIds: ['d-sun-gate-s', 'd-sun-1-1'],
    }),
    'visitor pass',
  )
  const merchant = await fixtureOk(world.call('groups', 'demo-steward', { action: 'inviteMerchant', requestId: rid('mi'), communityId: COMMUNITY, shopName: '楼下便利店' }), 'merchant invite')
  const alertId = 'ga-hj-fixture-alert'
  must(
    await world.platform.db.collection(GROUP_COLLECTIONS.alerts).add({
      _id: alertId,
      communityId: COMMUNITY,
      stewardOpenid: 'demo-steward',
      type: 'no_group',
      groupId: null,
      title: '有住户找不到群',
      text: '1栋住户申请入群，没有可用的群',
      status: 'open',
      createdAt: world.clock.now(),
    }),
  )
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64')
  const qrFileId = (await requirePort(world.platform, 'storage').put('groups/hardening/qr-1.png', png)).fileId
  const readerCode = (await fixtureOk(world.call('access', 'demo-owner', { action: 'issuePass', householdId: HOUSEHOLD }), 'pass')).code as string
  const joined = await fixtureOk(world.call('groups', 'demo-owner', { action: 'join', requestId: rid('join'), householdId: HOUSEHOLD }), 'join')
  if (joined.outcome !== 'assigned') throw new Error(`hardening fixture: join gave ${joined.outcome}`)
  return {
    visitorPass: { passId: pass.passId as string, token: pass.shareToken as string },
    merchantCode: merchant.code as string,
    alertId,
    qrFileId,
    readerCode,
    joinedGroupId: joined.group.id as string,
  }
}

/** Events: the owner signed up for the 服务体验会 about to start, its current code, and a stored receipt photo. */
export async function eventFixtures(world: TestWorld) {
  await fixtureOk(world.call('events', 'demo-owner', { action: 'signUp', requestId: rid('ev'), eventId: 'ev-demo-aircon' }), 'event sign-up')
  const eventCode = (await fixtureOk(world.call('events', 'demo-steward', { action: 'code', eventId: 'ev-demo-aircon' }), 'event code')).code as string
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64')
  const receiptFileId = (await requirePort(world.platform, 'storage').put('events/hardening/receipt-1.png', png)).fileId
  return { eventCode, receiptFileId }
}
