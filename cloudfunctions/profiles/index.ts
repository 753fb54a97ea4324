import { productionMain } from '../platform/cloudbase/production-main'
import { profilesFunction } from './profiles.function'

export const main = productionMain(profilesFunction)
