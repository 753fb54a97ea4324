import { productionMain } from '../platform/cloudbase/production-main'
import { merchantsFunction } from './merchants.function'

export const main = productionMain(merchantsFunction)
