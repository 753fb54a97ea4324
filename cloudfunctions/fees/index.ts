import { productionMain } from '../platform/cloudbase/production-main'
import { feesFunction } from './fees.function'

export const main = productionMain(feesFunction)
