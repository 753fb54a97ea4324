import { requirePort, type Platform } from '../kernel/platform'

/** The access area's two adapters; production-main and the local platform put them on the platform. */
export const doorGatewayOf = (platform: Platform) => requirePort(platform, 'doorGateway')
export const passKeysOf = (platform: Platform) => requirePort(platform, 'accessPassKeys')
