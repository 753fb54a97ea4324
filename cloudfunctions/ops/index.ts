import { productionMain } from '../platform/cloudbase/production-main'
import { opsFunction } from './ops.function'

export const main = productionMain(opsFunction)
