import { productionMain } from '../platform/cloudbase/production-main'
import { productionPlatform } from '../platform/cloudbase/production-platform'
import { passKeyStoreFromEnv } from '../core/access/pass-key-config'
import { eventsFunction } from './events.function'

/** Event codes are signed with the community pass keys (ACCESS_PASS_KEYS), like door passes; no key, no code. */
export const main = productionMain(eventsFunction, () => productionPlatform('events', { accessPassKeys: passKeyStoreFromEnv(process.env) }))
