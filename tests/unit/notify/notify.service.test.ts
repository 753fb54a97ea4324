import { createTestWorld, type TestWorld } from '../../support/test-platform'
import { notify, notifyAll, thing } from '../../../cloudfunctions/core/notify/notify.service'
import type { Notifier, SubscribeMessage } from '../../../cloudfunctions/core/kernel/ports/notifier.port'
import { OUTBOX_COLLECTION } from '../../../cloudfunctions/platform/local/outbox/outbox-notifier'

const message = (key: string, to = 'o-user-1'): SubscribeMessage => ({ toOpenid: to, template: 'repair_status', page: 'pages/index/index', data: { thing1: '测试' }, dedupeKey: key })

describe('notify(): at most once per dedupe key, never throws', () => {
  let world: TestWorld
  beforeEach(async () => {
    world = await createTestWorld()
  })
  afterEach(() => world.close())
  const outbox = () => world.platform.local.engine.store.scan(OUTBOX_COLLECTION).map((r) => r.doc)

  it('lands in the local outbox once, however often it is sent', async () => {
    expect(await notify(world.platform, message('k1'))).toEqual({ status: 'sent' })
    expect(await notify(world.platform, message('k1'))).toEqual({ status: 'duplicate' })
    expect(await notify(world.platform, message('k2'))).toEqual({ status: 'sent' })
    expect(outbox().map((d) => d._id).sort()).toEqual(['k1', 'k2'])
  })

  it('a notifier that throws yields "failed", and the key is spent (no retry storm on a bad template)', async () => {
    const broken: Notifier = {
      send: async () => {
        throw new Error('wx down')
      },
    }
    world.platform.ports.notifier = broken
    expect(await notify(world.platform, message('k3'))).toEqual({ status: 'failed', detail: 'wx down' })
    expect(await notify(world.platform, message('k3'))).toEqual({ status: 'duplicate' })
  })

  it('when the log cannot be written nothing is sent and the result says it may be retried', async () => {
    world.platform.local.engine.faultHook = (action) => {
      if (action === 'database.insertDocument') throw new Error('db unavailable')
    }
    const r = await notify(world.platform, message('k4'))
    world.platform.local.engine.faultHook = undefined
    expect(r.status).toBe('unclaimed')
    expect(await notify(world.platform, message('k4'))).toEqual({ status: 'sent' })
    expect(await notifyAll(world.platform, [message('k4'), message('k5'), message('k6')])).toEqual({ sent: 2, unclaimed: 0 })
  })

  it('thing() trims to WeChat’s 20-character limit', () => {
    expect(thing('短文本')).toBe('短文本')
    expect([...thing('一二三四五六七八九十一二三四五六七八九十一')]).toHaveLength(20)
    expect(thing('一二三四五六七八九十一二三四五六七八九十一').endsWith('…')).toBe(true)
  })
})
