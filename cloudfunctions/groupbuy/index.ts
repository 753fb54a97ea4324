import { productionMain } from '../platform/cloudbase/production-main'
import { cloudbaseApp, productionPlatform } from '../platform/cloudbase/production-platform'
import { createConsoleLogger } from '../runtime/console-logger'
import { createCloudbaseOpenGidResolver } from '../platform/cloudbase/open-gid.cloudbase'
import { groupbuyFunction } from './groupbuy.function'

/** Besides the shared ports, share-card touches need WeChat's cloudID decryption (the group's openGId). */
export const main = productionMain(groupbuyFunction, () =>
  productionPlatform('groupbuy', { openGid: createCloudbaseOpenGidResolver(cloudbaseApp(), createConsoleLogger('groupbuy')) }),
)
