import { productionMain } from '../platform/cloudbase/production-main'
import { ordersFunction } from './orders.function'

export const main = productionMain(ordersFunction)
