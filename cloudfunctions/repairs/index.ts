import { productionMain } from '../platform/cloudbase/production-main'
import { repairsFunction } from './repairs.function'

export const main = productionMain(repairsFunction)
