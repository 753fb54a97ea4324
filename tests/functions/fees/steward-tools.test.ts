import { createTestWorld, rid, type TestWorld } from '../../support/test-platform'
import { must } from '../../../cloudfunctions/core/kernel/db-result'
import { OUTBOX_COLLECTION } from '../../../cloudfunctions/platform/local/outbox/outbox-notifier'
import type { SandboxPrivacyCall } from '../../../cloudfunctions/platform/local/privacy-call/sandbox-privacy-call'
import { billsWhere, HOUSEHOLD, OPS, openFeesWorld, OWNER, STEWARD, STEWARD2, type FeesWorld } from './fees-test-kit'


describe('steward tools: arrears breakdown, reminder preview, relay call', () => {
  let world: FeesWorld
  beforeAll(async () => {
    world = await openFeesWorld()
  })
  afterAll(() => world.close())

  async function arrearsRow(householdId: string) {
    for (let offset = 0; ; offset += 50) {
      const page = await world.call('fees', STEWARD, { action: 'arrears', limit: 50, offset })
      const row = page.data.items.find((r: any) => r.householdId === householdId)
      if (row) return row
      if (!page.data.hasMore) throw new Error(`${householdId} not in arrears`)
    }
  }

  it('names the owner masked, hints the phone by its last four digits, and breaks the total into bills', async () => {
    const h = must(await world.platform.db.collection('households').doc(HOUSEHOLD).get()).data[0] as any
    const row = await arrearsRow(HOUSEHOLD)
    expect(row.ownerNameMasked).toBe(`${[...h.ownerName][0]}${'*'.repeat([...h.ownerName].length - 1)}`)
    expect(row.ownerNameMasked).not.toBe(h.ownerName)
    expect(row.phoneHint).toBe(`尾号${h.ownerPhoneLast4}`)
    const unpaid = (await billsWhere(world, { householdId: HOUSEHOLD, status: 'unpaid' })).sort((a, b) => a.period.localeCompare(b.period) || a.itemName.localeCompare(b.itemName))
    expect(row.bills.map((b: any) => [b.itemName, b.period, b.principalFen])).toEqual(unpaid.map((b) => [b.itemName, b.period, b.principalFen]))
    expect(row.bills.reduce((s: number, b: any) => s + b.principalFen, 0)).toBe(row.principalFen)
    expect(row.bills.reduce((s: number, b: any) => s + b.lateFeeFen, 0)).toBe(row.lateFeeFen)
    for (const b of row.bills) expect(b.amountFen).toBe(b.principalFen + b.lateFeeFen)
  })

  it('previews a reminder without sending or claiming anything, then sends exactly what it previewed', async () => {
    const outbox = async () => must(await world.platform.db.collection(OUTBOX_COLLECTION).where({ template: 'fee_reminder' }).limit(1000).get()).data as any[]
    const before = (await billsWhere(world, { householdId: HOUSEHOLD, status: 'unpaid' })).map((b) => String(b.remindableAt))
    const preview = await world.call('fees', STEWARD, { action: 'remindPreview', householdIds: [HOUSEHOLD] })
    expect(preview.ok).toBe(true)
    const item = preview.data.items[0]
    expect(item.status).toBe('will_send')
    expect(preview.data).toMatchObject({ willSend: 1, recipients: item.recipients })
    expect(item.recipients).toBeGreaterThan(0)
    expect(item.message.map((m: any) => m.key)).toEqual(['缴费项目', '待缴金额', '房屋', '温馨提示'])
    expect(await outbox()).toHaveLength(0)
    expect((await billsWhere(world, { householdId: HOUSEHOLD, status: 'unpaid' })).map((b) => String(b.remindableAt))).toEqual(before)

    const sent = await world.call('fees', STEWARD, { action: 'remind', requestId: rid('r'), householdIds: [HOUSEHOLD] })
    expect(sent.data.results[0]).toMatchObject({ status: 'sent', recipients: item.recipients })
    const messages = await outbox()
    expect(messages).toHaveLength(item.recipients)
    expect(Object.values(messages[0].data)).toEqual(item.message.map((m: any) => m.value))

    // Within 3 days the preview says so, with the moment it becomes possible again.
    const again = await world.call('fees', STEWARD, { action: 'remindPreview', householdIds: [HOUSEHOLD] })
    expect(again.data.items[0]).toMatchObject({ status: 'too_soon', recipients: 0 })
    expect(Date.parse(again.data.items[0].nextRemindAt)).toBe(world.clock.now().getTime() + 3 * 86400_000)
    expect(again.data.willSend).toBe(0)
    expect(await world.call('fees', STEWARD2, { action: 'remindPreview', householdIds: [HOUSEHOLD] })).toMatchObject({ code: 'AUTH.FORBIDDEN' })
  })

  it("hands a relay number only to the steward of the household's grid; a retry gets the same number", async () => {
    const requestId = rid('call')
    const call = await world.call('fees', STEWARD, { action: 'callOwner', requestId, householdId: HOUSEHOLD })
    expect(call.ok).toBe(true)
    expect(call.data.relayNumber).toMatch(/^170\d{8}$/)
    expect(Date.parse(call.data.expiresAt) - world.clock.now().getTime()).toBe(180_000)
    expect(await world.call('fees', STEWARD, { action: 'callOwner', requestId, householdId: HOUSEHOLD })).toEqual(call)
    const sandbox = world.platform.ports.privacyCall as SandboxPrivacyCall
    expect([...sandbox.bindings.values()].filter((b) => b.householdId === HOUSEHOLD)).toHaveLength(1)
    for (const who of [STEWARD2, OPS, OWNER]) {
      expect(await world.call('fees', who, { action: 'callOwner', requestId: rid('call'), householdId: HOUSEHOLD })).toMatchObject({ code: 'AUTH.FORBIDDEN' })
    }
  })

  it('says so when no privacy-number provider is configured, instead of pretending', async () => {
    const bare: TestWorld = await createTestWorld({ seed: true, ports: { privacyCall: undefined } })
    try {
      expect(await bare.call('fees', STEWARD, { action: 'callOwner', requestId: rid('call'), householdId: HOUSEHOLD })).toMatchObject({ code: 'FEE.CALL_UNAVAILABLE' })
    } finally {
      bare.close()
    }
  })
})
