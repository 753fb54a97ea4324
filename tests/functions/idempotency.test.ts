import { z } from 'zod'
import { defineContract, mutation } from '../../cloudfunctions/contracts/envelope'
import { defineFunction } from '../../cloudfunctions/runtime/define-function'
import { invoke } from '../../cloudfunctions/runtime/invoke'
import { DomainError } from '../../cloudfunctions/core/kernel/domain-error'
import { must } from '../../cloudfunctions/core/kernel/db-result'
import { createTestWorld, type TestWorld } from '../support/test-platform'

/** A tiny function that writes one document per call, to watch the runtime's idempotency at work. */
const counterContract = defineContract('counter', {
  bump: mutation(z.object({ by: z.number().int().min(1).max(10) }).strict(), z.object({ value: z.number() })),
}, { audience: { bump: ['user'] }, errors: { bump: [] } })

let failNext = false
const counterFunction = defineFunction(counterContract, {
  bump: async (input, ctx) => {
    const db = ctx.platform.db
    if (input.by === 7) throw new DomainError('RATE_LIMITED', '不吉利的数字')
    must(await db.collection('counter_log').add({ by: input.by, at: ctx.now() }))
    if (failNext) {
      failNext = false
      throw new Error('crash after the write')
    }
    const total = must(await db.collection('counter_log').count()).total
    return { value: total }
  },
})

describe('runtime idempotency: a retry with the same request id returns the first result', () => {
  let world: TestWorld
  const call = (event: object, openid = 'u1') => invoke(counterFunction, event, { openid, kind: 'user' }, world.platform)
  const logCount = async () => must(await world.platform.db.collection('counter_log').count()).total

  beforeEach(async () => {
    world = await createTestWorld()
  })
  afterEach(() => world.close())

  it('a mutating call without a request id is refused before anything is written', async () => {
    const res = await call({ action: 'bump', by: 1 })
    expect(res).toMatchObject({ ok: false, code: 'VALIDATION.FAILED' })
    expect(await logCount()).toBe(0)
  })

  it('repeating a request id returns the stored reply and writes once', async () => {
    const first = await call({ action: 'bump', by: 2, requestId: 'req-00000001' })
    const again = await call({ action: 'bump', by: 2, requestId: 'req-00000001' })
    expect(first).toEqual({ ok: true, data: { value: 1 } })
    expect(again).toEqual(first)
    expect(await logCount()).toBe(1)
  })

  it('the same request id from another user is a different request', async () => {
    await call({ action: 'bump', by: 1, requestId: 'req-00000002' }, 'u1')
    await call({ action: 'bump', by: 1, requestId: 'req-00000002' }, 'u2')
    expect(await logCount()).toBe(2)
  })

  it('reusing a request id with different input is refused', async () => {
    await call({ action: 'bump', by: 1, requestId: 'req-00000003' })
    const res = await call({ action: 'bump', by: 3, requestId: 'req-00000003' })
    expect(res).toMatchObject({ ok: false, code: 'REQUEST.ID_REUSED' })
    expect(await logCount()).toBe(1)
  })

  it('concurrent duplicates: one runs, the others are told it is in progress, nothing runs twice', async () => {
    const replies = await Promise.all(Array.from({ length: 10 }, () => call({ action: 'bump', by: 1, requestId: 'req-00000004' })))
    expect(replies.filter((r) => r.ok)).toHaveLength(1)
    expect(replies.filter((r) => !r.ok && r.code === 'REQUEST.IN_PROGRESS')).toHaveLength(9)
    expect(await logCount()).toBe(1)
  })

  it('a domain refusal is remembered too: the answer to the same request does not change', async () => {
    const first = await call({ action: 'bump', by: 7, requestId: 'req-00000005' })
    expect(first).toMatchObject({ ok: false, code: 'RATE_LIMITED', message: '不吉利的数字' })
    expect(await call({ action: 'bump', by: 7, requestId: 'req-00000005' })).toEqual(first)
  })

  it('an INTERNAL failure is not remembered, so the retry runs again', async () => {
    failNext = true
    const first = await call({ action: 'bump', by: 1, requestId: 'req-00000006' })
    expect(first).toMatchObject({ ok: false, code: 'INTERNAL' })
    const retry = await call({ action: 'bump', by: 1, requestId: 'req-00000006' })
    expect(retry.ok).toBe(true)
  })

  it('a pending key left by a crashed invocation is taken over after a minute, and the work happens once', async () => {
    const reqId = 'req-00000007'
    // The handler's write fails and so does freeing the key: what a process dying mid-call leaves behind.
    let inserts = 0
    world.platform.local.engine.faultHook = (action) => {
      if (action === 'database.insertDocument' && ++inserts === 2) throw new Error('power cut')
      if (action === 'database.removeDocument') throw new Error('still no power')
    }
    const crashed = await call({ action: 'bump', by: 1, requestId: reqId })
    world.platform.local.engine.faultHook = undefined
    expect(crashed).toMatchObject({ ok: false, code: 'INTERNAL' })
    expect(await call({ action: 'bump', by: 1, requestId: reqId })).toMatchObject({ ok: false, code: 'REQUEST.IN_PROGRESS' })
    world.clock.advance(61_000)
    expect(await call({ action: 'bump', by: 1, requestId: reqId })).toEqual({ ok: true, data: { value: 1 } })
    expect(await call({ action: 'bump', by: 1, requestId: reqId })).toEqual({ ok: true, data: { value: 1 } })
    expect(await logCount()).toBe(1)
  })
})
