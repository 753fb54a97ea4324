import { z } from 'zod'
import { defineContract, mutation, query } from '../../cloudfunctions/contracts/envelope'
import { householdsContract } from '../../cloudfunctions/contracts/households.contract'
import { invokeLocal, asUser } from '../../cloudfunctions/platform/local/invoke-local'
import { createFnClient } from '../../src/services/fn-client'
import { FnError } from '../../src/services/fn-error'
import { messageFor } from '../../src/services/error-messages'
import type { Transport } from '../../src/services/transport'
import { createTestWorld } from '../support/test-platform'

const demo = defineContract('demo', {
  get: query(z.object({ id: z.string().min(1, '请填写编号') }).strict(), z.object({ id: z.string(), count: z.number().int() })),
  bump: mutation(z.object({ by: z.number().int().positive('数量必须大于 0') }).strict(), z.object({ count: z.number().int() })),
}, { audience: { get: ['user'], bump: ['user'] }, errors: { get: [], bump: [] } })

function recording(reply: (event: Record<string, unknown>) => unknown) {
  const sent: { fn: string; event: Record<string, unknown> }[] = []
  const transport: Transport = async (fn, event) => {
    sent.push({ fn, event })
    return reply(event)
  }
  return { sent, callFn: createFnClient(transport) }
}

async function failure(p: Promise<unknown>): Promise<FnError> {
  try {
    await p
  } catch (e) {
    expect(e).toBeInstanceOf(FnError)
    return e as FnError
  }
  throw new Error('expected the call to fail')
}

describe('typed client (createFnClient)', () => {
  test('bad input is refused before anything is sent', async () => {
    const { sent, callFn } = recording(() => ({ ok: true, data: { count: 1 } }))
    const err = await failure(callFn(demo, 'bump', { by: 0 }))
    expect(err.code).toBe('VALIDATION.FAILED')
    expect(err.message).toBe('数量必须大于 0')
    expect(err.issues).toEqual([{ path: 'by', message: '数量必须大于 0' }])
    expect(sent).toHaveLength(0)
  })

  test('a query is sent as {action, ...input} without a requestId and its reply is returned', async () => {
    const { sent, callFn } = recording((e) => ({ ok: true, data: { id: e.id, count: 3 } }))
    await expect(callFn(demo, 'get', { id: 'a1' })).resolves.toEqual({ id: 'a1', count: 3 })
    expect(sent).toEqual([{ fn: 'demo', event: { id: 'a1', action: 'get' } }])
  })

  test('a mutation carries a fresh requestId; a retry passes the same one back', async () => {
    const { sent, callFn } = recording(() => ({ ok: true, data: { count: 2 } }))
    await callFn(demo, 'bump', { by: 1 })
    await callFn(demo, 'bump', { by: 1 })
    const [a, b] = sent.map((s) => s.event.requestId as string)
    expect(a).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
    expect(b).not.toBe(a)
    await callFn(demo, 'bump', { by: 1 }, { requestId: a })
    expect(sent[2].event.requestId).toBe(a)
  })

  test("a failed reply becomes FnError with the function's Chinese message and the requestId to retry with", async () => {
    const { callFn } = recording(() => ({ ok: false, code: 'ORDER.OUT_OF_STOCK', message: '库存不足' }))
    const err = await failure(callFn(demo, 'bump', { by: 1 }))
    expect(err.code).toBe('ORDER.OUT_OF_STOCK')
    expect(err.message).toBe('库存不足')
    expect(err.requestId).toMatch(/^r/)
  })

  test('a code without a Chinese message gets the readable text for its code', async () => {
    const { callFn } = recording(() => ({ ok: false, code: 'AUTH.FORBIDDEN', message: 'forbidden' }))
    const err = await failure(callFn(demo, 'get', { id: 'x' }))
    expect(err.message).toBe('没有权限进行此操作')
    expect(messageFor('SOMETHING.NEW')).toBe('系统繁忙，请稍后再试')
    expect(messageFor('RATE_LIMITED.DOOR')).toBe('操作太频繁，请稍后再试')
  })

  test('a reply that breaks the output contract, or is no reply at all, is REPLY.INVALID', async () => {
    const wrongShape = recording(() => ({ ok: true, data: { id: 'a', count: 'many' } }))
    expect((await failure(wrongShape.callFn(demo, 'get', { id: 'a' }))).code).toBe('REPLY.INVALID')
    const notAReply = recording(() => undefined)
    expect((await failure(notAReply.callFn(demo, 'get', { id: 'a' }))).code).toBe('REPLY.INVALID')
  })

  test('end to end against the local households function', async () => {
    const world = await createTestWorld({ seed: true })
    try {
      const callFn = createFnClient((fn, event) => invokeLocal(world.platform, fn, event, asUser('demo-owner')))
      const me = await callFn(householdsContract, 'me', {})
      expect(me.households.map((h) => h.label)).toEqual(['阳光花园 1栋1单元101'])
      const err = await failure(callFn(householdsContract, 'notices', { communityId: 'c-elsewhere' }))
      expect(err.code).toBe('AUTH.FORBIDDEN')
    } finally {
      world.close()
    }
  })
})
