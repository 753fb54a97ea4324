import { repairsContract } from '../../cloudfunctions/contracts/repairs.contract'
import { householdsContract } from '../../cloudfunctions/contracts/households.contract'
import { invokeLocal, asUser } from '../../cloudfunctions/platform/local/invoke-local'
import { createFnClient } from '../../src/services/fn-client'
import { FnError } from '../../src/services/fn-error'
import { RequestIdPolicy, isLostReply } from '../../src/services/request-id-policy'
import { createTestWorld } from '../support/test-platform'

/**
 * The mini-program's one retry policy (used by use-fn-mutation), against the real repairs function: the
 * server files the ticket but the reply is lost on the way back; the same form sent again must not open
 * a second ticket, while a changed form or a form sent after a real answer is a new request.
 */
describe('RequestIdPolicy over the real runtime', () => {
  it('reuses the id only after a lost reply with the same input', async () => {
    const world = await createTestWorld({ seed: true })
    try {
      let loseNextReply = false
      const sentIds: string[] = []
      const callFn = createFnClient(async (fn, event) => {
        if (typeof event.requestId === 'string') sentIds.push(event.requestId)
        const reply = await invokeLocal(world.platform, fn, event, asUser('demo-owner'))
        if (loseNextReply) {
          loseNextReply = false
          throw new FnError('NETWORK.FAILED', '网络不太稳定，请检查网络后重试')
        }
        return reply
      })
      const me = await callFn(householdsContract, 'me', {})
      const householdId = me.households[0].householdId
      const before = (await callFn(repairsContract, 'mine', { filter: 'all' })).items.length
      const policy = new RequestIdPolicy()
      const form = { place: { kind: 'household' as const, householdId }, category: 'plumbing' as const, description: '厨房水管一直在滴水', photos: [] }
      const submit = async (input: typeof form) => {
        const attempt = policy.idFor(input)
        try {
          const out = await callFn(repairsContract, 'create', input, { requestId: attempt.requestId })
          policy.settle(attempt)
          return out
        } catch (e) {
          policy.settle(attempt, e)
          throw e
        }
      }

      loseNextReply = true
      const lost = await submit(form).catch((e: unknown) => e)
      expect(isLostReply(lost)).toBe(true)
      expect((lost as FnError).requestId).toBe(sentIds[sentIds.length - 1])
      const retried = await submit(form)
      expect(sentIds[sentIds.length - 1]).toBe(sentIds[sentIds.length - 2])
      expect((await callFn(repairsContract, 'mine', { filter: 'all' })).items.length).toBe(before + 1)

      // After that real answer the same form again is a new filing with a new id.
      const again = await submit(form)
      expect(sentIds[sentIds.length - 1]).not.toBe(sentIds[sentIds.length - 2])
      expect(again.ticketId).not.toBe(retried.ticketId)

      // A lost reply followed by a *changed* form is a new request too.
      loseNextReply = true
      await submit(form).catch(() => undefined)
      const changed = await submit({ ...form, description: '卫生间水管也在滴水' })
      expect(sentIds[sentIds.length - 1]).not.toBe(sentIds[sentIds.length - 2])
      expect(changed.ticketId).toBeTruthy()
      expect((await callFn(repairsContract, 'mine', { filter: 'all' })).items.length).toBe(before + 4)
    } finally {
      world.close()
    }
  })

  it('treats a refusal as an answer: the next attempt gets a new id', () => {
    const policy = new RequestIdPolicy()
    const first = policy.idFor({ a: 1 })
    policy.settle(first, new FnError('FEE.ALREADY_PAID', '账单已缴清'))
    expect(policy.idFor({ a: 1 }).requestId).not.toBe(first.requestId)
    const second = policy.idFor({ a: 1 })
    policy.settle(second, new FnError('REQUEST.IN_PROGRESS', '处理中'))
    expect(policy.idFor({ a: 1 }).requestId).toBe(second.requestId)
  })
})
