import { defineArea } from '../kernel/area'
import { ORDER_ERROR_MESSAGES } from '../../contracts/errors/orders'
import { ORDER_COLLECTIONS, ORDER_INDEXES } from './order.model'
import { serviceOrderHooks } from './service-order-hooks'

/** Orders, payments and refunds for every order type; paid home services are its own type. */
export const ordersArea = defineArea({
  name: 'orders',
  collections: Object.values(ORDER_COLLECTIONS),
  indexes: ORDER_INDEXES,
  errors: ORDER_ERROR_MESSAGES,
  orderTypes: { service: serviceOrderHooks },
})

export type { OrderTypeHooks, OrderHookContext } from './order-type-hooks'
export type { OrderListener, OrderEvent } from './order-listeners'
