/**
 * Every order type's hooks, loaded by each function that moves orders (orders, paycallback, and the areas
 * that place them): a pay notify for a fee order must run the fee hooks even though it arrives in the
 * paycallback function. One import per area; the module registers its hooks when imported.
 */
import './service-order-hooks'
import '../groupbuy/groupbuy-order-hooks'
import '../attribution/attribution-listener'
import '../groups/group-order-listener'
import '../fees/fee-order.hooks'
