import { requirePort, type Platform } from '../../platform/ports'
import { DOOR_GATEWAY_PORT, type DoorGateway } from './door-gateway.port'
import { PASS_KEY_STORE_PORT, type PassKeyStore } from './pass-key-store'

/** The access area's two adapters; production-main and the local registry put them on the platform. */
export const doorGatewayOf = (platform: Platform) => requirePort<DoorGateway>(platform, DOOR_GATEWAY_PORT)
export const passKeysOf = (platform: Platform) => requirePort<PassKeyStore>(platform, PASS_KEY_STORE_PORT)
