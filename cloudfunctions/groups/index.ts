import { productionMain } from '../platform/cloudbase/production-main'
import { cloudbaseApp, productionPlatform } from '../platform/cloudbase/production-platform'
import { createConsoleLogger } from '../runtime/console-logger'
import { createCloudbaseOpenGidResolver } from '../platform/cloudbase/open-gid.cloudbase'
import { groupsFunction } from './groups.function'

/** Besides the shared ports, groups needs WeChat's cloudID decryption (the openGId of a group chat). */
export const main = productionMain(groupsFunction, () =>
  productionPlatform('groups', { openGid: createCloudbaseOpenGidResolver(cloudbaseApp(), createConsoleLogger('groups')) }),
)
