import { paycallbackContract } from '../contracts/paycallback.contract'
import { defineFunction } from '../runtime/define-function'
import { handlePayNotify } from '../core/orders/pay-notify'
import { handleRefundNotify } from '../core/orders/refund-notify'

/**
 * WeChat Pay's callback target (functionName in unifiedOrder and refund). Anyone in the env could invoke a
 * cloud function, so nothing here trusts the event: every notify is re-confirmed with the gateway first.
 */
export const paycallbackFunction = defineFunction(
  paycallbackContract,
  {
    payNotify: (input, ctx) => handlePayNotify(ctx, input.notify),
    refundNotify: (input, ctx) => handleRefundNotify(ctx, input.notify),
  },
)
