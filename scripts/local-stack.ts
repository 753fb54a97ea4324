import type { Server } from 'node:http'
import { createLocalPlatform, type LocalPlatform } from '../cloudfunctions/platform/local/local-platform'
import { createGateway } from '../cloudfunctions/platform/local/gateway/create-gateway'
import { seedDemo } from '../cloudfunctions/platform/local/demo/seed-demo'
import { phonePepper } from '../cloudfunctions/core/households/phone'
import { startLocalTimers } from './local-timers'
import type { Storage } from '../cloudfunctions/core/kernel/ports/storage.port'
import type { Clock } from '../cloudfunctions/core/kernel/platform'

export interface LocalStack {
  port: number
  seeded: boolean
  platform: LocalPlatform
  close(): Promise<void>
}

/** Used by `npm start` and by the browser tests, so both run exactly the same stack. */
export async function startLocalStack(options: { port: number; dataDir?: string; h5Dir?: string; quiet?: boolean; timerIntervalSeconds?: number; clock?: Clock }): Promise<LocalStack> {
  const platform = createLocalPlatform({ dataDir: options.dataDir, quiet: options.quiet, clock: options.clock })
  const { seeded } = await seedDemo({ db: platform.db, now: platform.clock.now(), pepper: phonePepper(platform.env), storage: platform.ports.storage as Storage })
  const app = createGateway({ platform, h5Dir: options.h5Dir })
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(options.port, '127.0.0.1', () => resolve(s))
  })
  const stopTimers = options.timerIntervalSeconds ? startLocalTimers(platform, options.timerIntervalSeconds) : () => {}
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : options.port
  return {
    port,
    seeded,
    platform,
    close: () =>
      new Promise<void>((resolve) => {
        stopTimers()
        server.close(() => {
          platform.local.close()
          resolve()
        })
      }),
  }
}
