import { productionMain } from '../platform/cloudbase/production-main'
import { productionPlatform } from '../platform/cloudbase/production-platform'
import { doorGatewayFromEnv } from '../platform/cloudbase/door-gateway-http'
import { passKeyStoreFromEnv } from '../core/access/pass-key-config'
import { accessFunction } from './access.function'

/** Production keys come only from ACCESS_PASS_KEYS; without it issuing fails closed (no dev keys). */
export const main = productionMain(accessFunction, () =>
  productionPlatform('access', {
    doorGateway: doorGatewayFromEnv(process.env),
    accessPassKeys: passKeyStoreFromEnv(process.env),
  }),
)
