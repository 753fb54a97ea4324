/**
 * Runs in a fresh node process, one per deployable function (tests/build/bundles-alone.test.ts): loads that
 * function's built bundle from dist/functions and points it at an embedded database whose own wiring is
 * EMPTY (no order types, no effects). Whatever hook or effect runs in the step under test can only come
 * from the bundle. Setup steps (paying, ordering) run through the source functions over a second view of
 * the same database with the full wiring, so the state they leave is the state production would have.
 *
 *   tsx run-bundle-alone.ts <dist> <fn> [--source-control]
 *
 * Prints one JSON line of observations. With --source-control the step under test runs through the source
 * definition over the empty wiring instead of the bundle: the same observations then show nothing ran.
 */
import path from 'node:path'
import { createLocalPlatform } from '../../../cloudfunctions/platform/local/local-platform'
import { seedDemo } from '../../../cloudfunctions/platform/local/demo/seed-demo'
import { personaOpenid } from '../../../cloudfunctions/platform/local/demo/personas'
import { SandboxPayments } from '../../../cloudfunctions/platform/local/sandbox-pay/sandbox-payments'
import { invokeLocal, asCallback, asTimer, asUser } from '../../../cloudfunctions/platform/local/invoke-local'
import { composeAreas } from '../../../cloudfunctions/core/kernel/area'
import { must } from '../../../cloudfunctions/core/kernel/db-result'
import type { OutboxEffect } from '../../../cloudfunctions/core/kernel/outbox'
import { appWiring } from '../../../cloudfunctions/areas'
import type { Caller } from '../../../cloudfunctions/runtime/define-function'
import type { ProductionMain } from '../../../cloudfunctions/platform/cloudbase/production-main'
import type { FnReply } from '../../../cloudfunctions/contracts/envelope'
import type { WechatNotifyReply } from '../../../cloudfunctions/contracts/paycallback.contract'
import type { Platform } from '../../../cloudfunctions/core/kernel/platform'
import { deliverNotifyLocally } from '../../../cloudfunctions/platform/local/sandbox-pay/deliver-notify'
import { markJoined } from '../../../cloudfunctions/core/groups/membership.service'
import { processOutboxEvent } from '../../../cloudfunctions/core/outbox'
import { GROUP_COLLECTIONS, type GroupDoc } from '../../../cloudfunctions/core/groups/group.model'

const OWNER = personaOpenid('owner')
const OPS = personaOpenid('ops')
const COMMUNITY = 'c-sunshine'
const HOUSEHOLD = 'h-1-1-101'
const CAMPAIGN = 'gb-demo-oranges'
const SKU = 'gb-demo-oranges_s1'
const NOW = new Date('2026-11-22T02:00:00.000Z')

const [dist, fn] = [process.argv[2], process.argv[3]]
const sourceControl = process.argv.includes('--source-control')
let seq = 0
const rid = (p: string) => `${p}-bundle-${++seq}-${Date.now()}`

/** What CloudBase hands a function as its context, per kind of caller (WX_OPENID only for WeChat users). */
function contextOf(caller: Caller) {
  if (caller.kind === 'user') return { environment: JSON.stringify({ WX_OPENID: caller.openid }) }
  if (caller.kind === 'timer') return { environment: JSON.stringify({ TRIGGER_SRC: 'timer' }) }
  return { environment: JSON.stringify({}) }
}

const ok = <T>(reply: FnReply, what: string): T => {
  if (!reply.ok) throw new Error(`${what}: ${reply.code} ${reply.message}`)
  return reply.data as T
}

async function main() {
  let at = NOW.getTime()
  const clock = { now: () => new Date(at) }
  // Pay notifies go wherever the scenario points them (the paycallback bundle, or the setup's own callback).
  const lost = async (): Promise<WechatNotifyReply> => ({ errcode: 0, errmsg: 'OK' })
  let deliver: (payload: Record<string, unknown>) => Promise<WechatNotifyReply> = lost
  const payments = new SandboxPayments({ clock, deliver: (payload) => deliver(payload) })
  payments.autoSettleRefunds = false
  const platform = createLocalPlatform({ quiet: true, clock, wiring: composeAreas([]), ports: { payments }, env: { PHONE_PEPPER: 'p' } })
  await seedDemo({ db: platform.db, now: NOW, pepper: 'p' })
  const full: Platform = { ...platform, wiring: appWiring() }
  const db = platform.db
  // The payer is in a community group, so the groups effect has an activity credit to write (since the
  // outbox, a payer in no group is credited nothing and leaves no marker to count).
  const group = (must(await db.collection(GROUP_COLLECTIONS.groups).where({ communityId: 'c-sunshine' }).limit(1).get()).data as GroupDoc[])[0]
  // Set-up, not the step under test: the join's own group.joined event is processed here, so the outbox
  // holds only what a scenario leaves.
  const joined = await markJoined(db, group, { openid: OWNER, householdId: HOUSEHOLD, identity: 'owner' }, NOW, null)
  for (const e of joined.events) await processOutboxEvent({ platform: full, now: () => clock.now() }, e)

  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const entry = (require(path.join(dist, fn, 'index.js')) as { main: ProductionMain }).main
  const built = entry.withPlatform(() => platform)
  /** The step under test: the bundle alone, or (control) the source over the empty wiring. */
  const subject = (event: unknown, caller: Caller): Promise<FnReply> =>
    sourceControl ? invokeLocal(platform, fn, event, caller) : built(event, contextOf(caller))
  const setup = (name: string, event: unknown, caller: Caller) => invokeLocal(full, name, event, caller)

  const bill = async (billId: string) => (must(await db.collection('fee_bills').doc(billId).get()).data as { status: string; lockOrderId?: string | null }[])[0]
  const entryStage = async (orderId: string) => (must(await db.collection('groupbuy_orders').doc(orderId).get()).data as { stage: string }[])[0]?.stage ?? null
  const count = async (collection: string, where: object = {}) => must(await db.collection(collection).where(where).count()).total
  const firstBill = async () => {
    const unpaid = ok<{ households: { items: { bills: { billId: string }[] }[] }[] }>(await setup('fees', { action: 'unpaid' }, asUser(OWNER)), 'unpaid')
    return unpaid.households[0].items.flatMap((i) => i.bills.map((b) => b.billId))
  }
  const payBill = (billId: string, via: (e: unknown, c: Caller) => Promise<FnReply>) =>
    via({ action: 'pay', requestId: rid('pay'), billIds: [billId] }, asUser(OWNER)).then((r) => ok<{ orderId: string; payment: { prepayId: string } }>(r, 'fees.pay'))
  const placeGroupbuy = (via: (e: unknown, c: Caller) => Promise<FnReply>) =>
    via({ action: 'placeOrder', requestId: rid('gb'), campaignId: CAMPAIGN, householdId: HOUSEHOLD, items: [{ skuId: SKU, quantity: 1 }] }, asUser(OWNER)).then((r) =>
      ok<{ order: { orderId: string }; payment: { prepayId: string } }>(r, 'groupbuy.placeOrder'),
    )
  const skuRemaining = async () => (must(await db.collection('groupbuy_skus').doc(SKU).get()).data as { remaining: number }[])[0].remaining
  const viaSetup = (name: string) => (e: unknown, c: Caller) => setup(name, e, c)
  const viaSubject = (e: unknown, c: Caller) => subject(e, c)

  const scenarios: Record<string, () => Promise<Record<string, unknown>>> = {
    // fee reserve hook: paying locks the bill to the order.
    fees: async () => {
      const [billId] = await firstBill()
      const paid = await payBill(billId, viaSubject)
      return { lockedBy: (await bill(billId)).lockOrderId ?? null, orderId: paid.orderId }
    },
    // Every type's onPaid and every paid effect, from the notify alone: a fee order and a group-buy order.
    paycallback: async () => {
      const [billId] = await firstBill()
      const feeOrder = await payBill(billId, viaSetup('fees'))
      const gbOrder = await placeGroupbuy(viaSetup('groupbuy'))
      // The bare notify, as CloudBase delivers it to the paycallback function.
      deliver = sourceControl ? (payload) => deliverNotifyLocally(platform, payload) : async (payload) => (await built(payload, contextOf(asCallback))) as unknown as WechatNotifyReply
      const replies = [await payments.confirm(feeOrder.payment.prepayId, OWNER), await payments.confirm(gbOrder.payment.prepayId, OWNER)].map((c) => c.reply)
      return {
        replies,
        billStatus: (await bill(billId)).status,
        groupbuyStage: await entryStage(gbOrder.order.orderId),
        attributions: await count('order_attributions'),
        groupCredits: await count('group_order_credits'),
      }
    },
    // The outbox timer finishes what a crash after the money transaction left: every area's paid effects
    // (attribution, group activity) for a fee and a group-buy order. Also a resident's cancel, which must
    // run the fee type's release hook.
    orders: async () => {
      const [billA, billB] = await firstBill()
      const feeOrder = await payBill(billA, viaSetup('fees'))
      const gbOrder = await placeGroupbuy(viaSetup('groupbuy'))
      // The paying instance commits the money part, then dies in every effect it tries inline.
      const dying = new Map([...full.wiring.effects].map(([name, effect]): [string, OutboxEffect] => [name, { topics: effect.topics, run: async () => Promise.reject(new Error('instance died after commit')) }]))
      const crashing: Platform = { ...full, wiring: { ...full.wiring, effects: dying } }
      deliver = (payload) => deliverNotifyLocally(crashing, payload)
      await payments.confirm(feeOrder.payment.prepayId, OWNER)
      await payments.confirm(gbOrder.payment.prepayId, OWNER)
      deliver = lost
      const pendingBefore = await count('outbox_events', { state: 'pending' })
      at += 10 * 60_000 // the next timer runs after the inline grace period and the first back-off
      ok(await subject({ Type: 'Timer', TriggerName: 'processOutbox' }, asTimer), 'processOutbox')
      const toCancel = await payBill(billB, viaSetup('fees'))
      const lockedBefore = (await bill(billB)).lockOrderId ?? null
      ok(await subject({ action: 'cancel', requestId: rid('cancel'), orderId: toCancel.orderId }, asUser(OWNER)), 'orders.cancel')
      return {
        pendingBefore,
        pendingAfter: await count('outbox_events', { state: 'pending' }),
        groupCredits: await count('group_order_credits'),
        billStatus: (await bill(billA)).status,
        groupbuyStage: await entryStage(gbOrder.order.orderId),
        attributions: await count('order_attributions'),
        cancelledLockBefore: lockedBefore === toCancel.orderId,
        cancelledLockAfter: (await bill(billB)).lockOrderId ?? null,
      }
    },
    // group-buy reserve hook: ordering takes a unit off the SKU; cancelling the unpaid order gives it back.
    groupbuy: async () => {
      const before = await skuRemaining()
      const placed = await placeGroupbuy(viaSubject)
      const afterOrder = await skuRemaining()
      return { taken: before - afterOrder, orderId: placed.order.orderId }
    },
  }
  // Functions whose actions never reach the order core: the bundle must still run alone and answer.
  const smoke: Record<string, [unknown, Caller]> = {
    households: [{ action: 'me' }, asUser(OWNER)],
    ops: [{ action: 'opsDashboard', communityId: COMMUNITY }, asUser(OPS)],
    groups: [{ Type: 'Timer', TriggerName: 'groupLifecycle' }, asTimer],
    attribution: [{ Type: 'Timer', TriggerName: 'monthlySettlement' }, asTimer],
    repairs: [{ Type: 'Timer', TriggerName: 'slaCheck' }, asTimer],
    access: [{ Type: 'Timer', TriggerName: 'purgeExpired' }, asTimer],
    profiles: [{ action: 'pushSetting' }, asUser(OWNER)],
    merchants: [{ Type: 'Timer', TriggerName: 'profitSharingReconcile' }, asTimer],
    events: [{ Type: 'Timer', TriggerName: 'reportAttendance' }, asTimer],
  }
  let seen: Record<string, unknown>
  if (scenarios[fn]) seen = await scenarios[fn]()
  else if (smoke[fn]) seen = { smokeOk: (await subject(...smoke[fn])).ok }
  else throw new Error(`no scenario for function ${fn}: add one to tests/build/support/run-bundle-alone.ts`)
  payments.close()
  platform.local.close()
  process.stdout.write(JSON.stringify({ fn, wiring: entry.wiring, ...seen }) + '\n')
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack ?? e}\n`)
  process.exit(1)
})
