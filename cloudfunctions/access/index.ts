import { productionMain } from '../platform/cloudbase/production-main'
import { productionPlatform } from '../platform/cloudbase/production-platform'
import { doorGatewayFromEnv } from '../platform/cloudbase/door-gateway-http'
import { DOOR_GATEWAY_PORT } from '../core/access/door-gateway.port'
import { PASS_KEY_STORE_PORT, passKeyStoreFromEnv } from '../core/access/pass-key-store'
import { accessFunction } from './access.function'

/** Production keys come only from ACCESS_PASS_KEYS; without it issuing fails closed (no dev keys). */
export const main = productionMain(accessFunction, () =>
  productionPlatform('access', {
    [DOOR_GATEWAY_PORT]: doorGatewayFromEnv(process.env),
    [PASS_KEY_STORE_PORT]: passKeyStoreFromEnv(process.env, { devFallback: false }),
  }),
)
