import { productionMain } from '../platform/cloudbase/production-main'
import { attributionFunction } from './attribution.function'

export const main = productionMain(attributionFunction)
