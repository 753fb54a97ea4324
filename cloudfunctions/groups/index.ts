import { productionMain } from '../platform/cloudbase/production-main'
import { cloudbaseApp, productionPlatform } from '../platform/cloudbase/production-platform'
import { createConsoleLogger } from '../runtime/console-logger'
import { createCloudbaseOpenGidResolver } from '../platform/cloudbase/open-gid.cloudbase'
import { OPEN_GID_PORT } from '../core/groups/open-gid.port'
import { groupsFunction } from './groups.function'

/** Besides the shared ports, groups needs WeChat's cloudID decryption (the openGId of a group chat). */
export const main = productionMain(groupsFunction, () =>
  productionPlatform('groups', { [OPEN_GID_PORT]: createCloudbaseOpenGidResolver(cloudbaseApp(), createConsoleLogger('groups')) }),
)
