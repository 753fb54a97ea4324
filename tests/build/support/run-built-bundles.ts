/**
 * Runs in a fresh node process (tests/build/bundles-alone.test.ts): loads the built bundles from
 * dist/functions, points them at an embedded database whose own wiring is EMPTY (no order types, no
 * listeners), and pays a fee bill through them. Whatever hooks run can only come from the bundles.
 * Prints one JSON line of observations. With `--source-control`, runs the same first step through the
 * source definition over the empty wiring instead, to show the check can fail.
 */
import path from 'node:path'
import { createLocalPlatform } from '../../../cloudfunctions/platform/local/local-platform'
import { seedDemo } from '../../../cloudfunctions/platform/local/demo/seed-demo'
import { SandboxPayments } from '../../../cloudfunctions/platform/local/sandbox-pay/sandbox-payments'
import type { WechatNotifyReply } from '../../../cloudfunctions/contracts/paycallback.contract'
import { composeAreas } from '../../../cloudfunctions/core/kernel/area'
import { must } from '../../../cloudfunctions/core/kernel/db-result'
import { FEE_COLLECTIONS, type BillDoc } from '../../../cloudfunctions/core/fees/fee.model'
import { invoke } from '../../../cloudfunctions/runtime/invoke'
import { markJoined } from '../../../cloudfunctions/core/groups/membership.service'
import { GROUP_COLLECTIONS, type GroupDoc } from '../../../cloudfunctions/core/groups/group.model'
import { feesFunction } from '../../../cloudfunctions/fees/fees.function'
import type { ProductionMain } from '../../../cloudfunctions/platform/cloudbase/production-main'
import type { FnReply } from '../../../cloudfunctions/contracts/envelope'
import type { Platform } from '../../../cloudfunctions/core/kernel/platform'

const OWNER = 'demo-owner'
const NOW = new Date('2026-11-22T02:00:00.000Z')
const dist = process.argv[2]
const sourceControl = process.argv.includes('--source-control')

// eslint-disable-next-line @typescript-eslint/no-require-imports
const bundle = <M = ProductionMain>(fn: string) => (require(path.join(dist, fn, 'index.js')) as { main: M }).main
/** What CloudBase hands a function: its environ (WX_OPENID set when a WeChat user calls, absent for callbacks). */
const userContext = (openid: string) => ({ environment: JSON.stringify({ WX_OPENID: openid }) })
const callbackContext = { environment: JSON.stringify({}) }

async function main() {
  const clock = { now: () => NOW }
  let paycallback: ((notify: unknown, context: unknown) => Promise<WechatNotifyReply>) | undefined
  // The bare notify goes to the paycallback bundle, as CloudBase delivers it.
  const payments = new SandboxPayments({ clock, deliver: async (payload) => paycallback!(payload, callbackContext) })
  payments.autoSettleRefunds = false
  const platform = createLocalPlatform({ quiet: true, clock, wiring: composeAreas([]), ports: { payments }, env: { PHONE_PEPPER: 'p' } })
  await seedDemo({ db: platform.db, now: NOW, pepper: 'p' })
  const onPlatform = <M extends { withPlatform(make: () => Platform): M }>(m: M) => m.withPlatform(() => platform)
  paycallback = onPlatform(bundle<typeof import('../../../cloudfunctions/paycallback/index').main>('paycallback'))
  const fees = sourceControl
    ? (event: unknown) => invoke(feesFunction, event, { openid: OWNER, kind: 'user' }, platform as Platform)
    : (event: unknown) => onPlatform(bundle('fees'))(event, userContext(OWNER))

  const unpaid = (await fees({ action: 'unpaid' })) as FnReply<{ households: { items: { bills: { billId: string }[] }[] }[] }>
  if (!unpaid.ok) throw new Error(`unpaid: ${unpaid.code}`)
  const billId = unpaid.data.households[0].items[0].bills[0].billId
  const bill = async () => (must(await platform.db.collection(FEE_COLLECTIONS.bills).doc(billId).get()).data as BillDoc[])[0]
  const paid = (await fees({ action: 'pay', requestId: 'bundle-pay-1', billIds: [billId] })) as FnReply<{ orderId: string; payment: { prepayId: string } }>
  if (!paid.ok) throw new Error(`pay: ${paid.code}`)
  const lockedBy = (await bill()).lockOrderId ?? null
  // The payer is in a community group, so the groups effect has an activity credit to write (a payer in no
  // group is credited nothing and leaves no marker).
  const group = (must(await platform.db.collection(GROUP_COLLECTIONS.groups).where({ communityId: 'c-sunshine' }).limit(1).get()).data as GroupDoc[])[0]
  await markJoined(platform.db, group, { openid: OWNER, householdId: 'h-1-1-101', identity: 'owner' }, NOW, false)
  const { reply } = await payments.confirm(paid.data.payment.prepayId, OWNER)
  const after = await bill()
  const attributions = must(await platform.db.collection('order_attributions').where({ orderId: paid.data.orderId }).count()).total
  const credits = must(await platform.db.collection('group_order_credits').count()).total
  payments.close()
  platform.local.close()
  process.stdout.write(
    JSON.stringify({ orderId: paid.data.orderId, lockedBy, notifyReply: reply, billStatus: after.status, billPaidOrder: after.paidOrderId ?? null, attributions, credits }) + '\n',
  )
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack ?? e}\n`)
  process.exit(1)
})
