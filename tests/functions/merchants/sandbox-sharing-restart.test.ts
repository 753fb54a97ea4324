import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ManualClock } from '../../support/test-platform'
import { createLocalPlatform, type LocalPlatform } from '../../../cloudfunctions/platform/local/local-platform'
import { seedDemo } from '../../../cloudfunctions/platform/local/demo/seed-demo'
import { invokeLocal, asTimer } from '../../../cloudfunctions/platform/local/invoke-local'
import type { SandboxPayments } from '../../../cloudfunctions/platform/local/sandbox-pay/sandbox-payments'
import type { SandboxProfitSharing } from '../../../cloudfunctions/platform/local/sandbox-pay/profit-sharing.sandbox'
import { MERCHANT_COLLECTIONS, type ProfitShareDoc } from '../../../cloudfunctions/core/merchants/merchant.model'
import { must } from '../../../cloudfunctions/core/kernel/db-result'
import { ordersContract } from '../../../cloudfunctions/contracts/orders.contract'
import { callerIn } from '../../support/typed-world'
import { DEMO_MERCHANTS } from '../../../cloudfunctions/platform/local/demo/seeders/merchants-demo.seeder'

/**
 * The local stack restarted in the middle of a 分账: the sandbox's side of WeChat (accepted splits, their
 * progress, receivers) lives in its own SQLite file under the data dir, so after the restart the reconcile
 * timer's query finds the split it sent before and the money arrives once — nothing is sent again.
 */
describe('sandbox 分账 state survives a restart of the local stack', () => {
  let dir: string
  const clock = new ManualClock('2026-11-03T02:00:00.000Z')
  const open = () => createLocalPlatform({ dataDir: dir, clock, quiet: true, env: { PHONE_PEPPER: 'test-pepper' } })
  const sharingOf = (p: LocalPlatform) => p.ports.profitSharing as SandboxProfitSharing
  const close = (p: LocalPlatform) => {
    sharingOf(p).close()
    ;(p.ports.payments as SandboxPayments).close()
    p.local.close()
  }
  const reconcile = async (p: LocalPlatform) => {
    const res = await invokeLocal(p, 'merchants', { Type: 'Timer', TriggerName: 'profitSharingReconcile', Time: clock.now().toISOString() }, asTimer)
    if (!res.ok) throw new Error(`reconcile failed: ${res.code}`)
  }
  const share = async (p: LocalPlatform, orderId: string) => (must(await p.db.collection(MERCHANT_COLLECTIONS.shares).doc(`ps-${orderId}`).get()).data as ProfitShareDoc[])[0]

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'merchants-restart-'))
  })
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('a split accepted before the restart is queried, not re-sent, and pays the merchant once', async () => {
    const first = open()
    await seedDemo({ db: first.db, now: clock.now(), pepper: 'test-pepper' })
    const owner = callerIn({ platform: first }, 'demo-owner')
    const created = await owner.call(ordersContract, 'createServiceOrder', { householdId: 'h-1-1-101', serviceItemId: 'svc-cleaning', quantity: 1 })
    const orderId = created.order.orderId
    expect((await (first.ports.payments as SandboxPayments).confirm(created.payment.prepayId, 'demo-owner')).reply.errcode).toBe(0)
    await callerIn({ platform: first }, 'console').call(ordersContract, 'fulfil', { orderId })
    sharingOf(first).finishAfterQueries = 3 // WeChat still PROCESSING when the stack goes down
    await reconcile(first)
    expect(await share(first, orderId)).toMatchObject({ state: 'processing', amountFen: 8096 })
    expect(sharingOf(first).requests.filter((r) => r.api === 'createOrder')).toHaveLength(1)
    close(first)

    const second = open()
    try {
      sharingOf(second).finishAfterQueries = 1
      await reconcile(second)
      // Known to WeChat's side: asked about (and finished), never submitted again.
      expect(sharingOf(second).requests.map((r) => r.api)).toEqual(['queryOrder'])
      expect(await share(second, orderId)).toMatchObject({ state: 'finished' })
      // 8800 fen at 8 %: 704 扣点, 8096 to 洁家家政, once.
      expect(sharingOf(second).balanceOf(DEMO_MERCHANTS.cleaning.account)).toBe(8096)
      expect(sharingOf(second).store.receiver(DEMO_MERCHANTS.cleaning.account)?.result).toMatchObject({ relation_type: 'SUPPLIER' })
    } finally {
      close(second)
    }
  }, 60_000)
})
