import type { Platform, Ports, Clock } from '../../core/kernel/platform'
import { systemClock } from '../../core/kernel/platform'
import { createLocalDb, type LocalDb } from './db/create-local-db'
import { silentLogger, createConsoleLogger } from '../../runtime/console-logger'
import { createOutboxNotifier } from './outbox/outbox-notifier'
import { createLocalFileStorage } from './file-storage/local-file-storage'
import { createLocalOpenGidResolver } from './open-gid.local'
import { SandboxPayments } from './sandbox-pay/sandbox-payments'
import { SandboxProfitSharing } from './sandbox-pay/profit-sharing.sandbox'
import { deliverNotifyLocally } from './sandbox-pay/deliver-notify'
import { SandboxPrivacyCall } from './privacy-call/sandbox-privacy-call'
import { DoorSimulator } from './door-simulator/door-simulator'
import { localPassKeyStore } from './demo/dev-pass-keys'
import { OUTBOX_INDEXES } from './outbox/outbox-notifier'
import { appWiring } from '../../areas'
import type { Wiring } from '../../core/kernel/area'

export interface LocalPlatform extends Platform {
  local: LocalDb
}

/** The embedded world: SQLite-backed Db, a controllable clock, and a sandbox adapter for every port, each given explicitly. */
export function createLocalPlatform(options: { dataDir?: string; clock?: Clock; quiet?: boolean; ports?: Partial<Ports>; env?: Record<string, string | undefined>; wiring?: Wiring } = {}): LocalPlatform {
  const clock = options.clock ?? systemClock
  const wiring = options.wiring ?? appWiring()
  const indexSpecs = (collection: string) => [...wiring.indexesOf(collection), ...OUTBOX_INDEXES.filter((i) => i.collection === collection)]
  const local = createLocalDb({ dataDir: options.dataDir, now: () => clock.now(), indexSpecs })
  const logger = options.quiet ? silentLogger : createConsoleLogger('local')
  const env = options.env ?? process.env
  const payments = new SandboxPayments({ clock, dataDir: options.dataDir, deliver: (notify) => deliverNotifyLocally(platform, notify) })
  const platform: LocalPlatform = {
    db: local.db,
    clock,
    logger,
    env,
    wiring,
    ports: {
      notifier: createOutboxNotifier(local.db, () => clock.now()),
      storage: createLocalFileStorage(options.dataDir, clock),
      openGid: createLocalOpenGidResolver(),
      privacyCall: new SandboxPrivacyCall(clock),
      doorGateway: new DoorSimulator(clock, logger),
      accessPassKeys: localPassKeyStore(env),
      payments,
      profitSharing: new SandboxProfitSharing({ clock, dataDir: options.dataDir, sharingAllowed: (transactionId) => payments.sharingAllowed(transactionId) }),
      ...options.ports,
    },
    local,
  }
  return platform
}
