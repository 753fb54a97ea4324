import { productionMain } from '../platform/cloudbase/production-main'
import { householdsFunction } from './households.function'

export const main = productionMain(householdsFunction)
