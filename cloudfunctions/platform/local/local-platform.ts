import type { Platform, Ports, Clock } from '../ports'
import { systemClock } from '../ports'
import { createLocalDb, type LocalDb } from './db/create-local-db'
import { silentLogger, createConsoleLogger } from '../../runtime/console-logger'
import { createOutboxNotifier } from './outbox/outbox-notifier'
import { createLocalFileStorage } from './file-storage/local-file-storage'
import { createLocalOpenGidResolver } from './open-gid.local'
import { SandboxPayments } from './sandbox-pay/sandbox-payments'
import { deliverNotifyLocally } from './sandbox-pay/deliver-notify'
import { SandboxPrivacyCall } from './privacy-call/sandbox-privacy-call'

export interface LocalPlatform extends Platform {
  local: LocalDb
}

/** The embedded world: SQLite-backed Db, a controllable clock, and sandbox adapters for every port. */
export function createLocalPlatform(options: { dataDir?: string; clock?: Clock; quiet?: boolean; ports?: Partial<Ports>; env?: Record<string, string | undefined> } = {}): LocalPlatform {
  const clock = options.clock ?? systemClock
  const local = createLocalDb({ dataDir: options.dataDir, now: () => clock.now() })
  const platform: LocalPlatform = {
    db: local.db,
    clock,
    logger: options.quiet ? silentLogger : createConsoleLogger('local'),
    env: options.env ?? process.env,
    ports: {
      notifier: createOutboxNotifier(local.db, () => clock.now()),
      storage: createLocalFileStorage(options.dataDir, clock),
      openGid: createLocalOpenGidResolver(),
      privacyCall: new SandboxPrivacyCall(clock),
      payments: new SandboxPayments({ clock, dataDir: options.dataDir, deliver: (notify) => deliverNotifyLocally(platform, notify) }),
      ...options.ports,
    },
    local,
  }
  return platform
}
