import { z } from 'zod'
import { defineContract, query } from './envelope'

/**
 * What WeChat Pay (through CloudBase 云支付) hands the callback function named in unifiedOrder/refund:
 * the v2 notify fields in camelCase, as a plain event (docs/payments.md has an example). Fields we do not
 * use are kept (loose objects) so an unexpected extra field never turns a real payment into a failure.
 */
export const payNotifySchema = z.looseObject({
  returnCode: z.string(),
  resultCode: z.string().optional(),
  outTradeNo: z.string().min(1).max(64),
  transactionId: z.string().max(64).optional(),
  totalFee: z.coerce.number().int().nonnegative().optional(),
  cashFee: z.coerce.number().int().nonnegative().optional(),
  timeEnd: z.string().optional(),
  subOpenid: z.string().optional(),
  openid: z.string().optional(),
})

/** Refund result fields; CloudBase delivers them decrypted, either flat or under reqInfo. */
export const refundNotifyInfoSchema = z.looseObject({
  outTradeNo: z.string().min(1).max(64),
  outRefundNo: z.string().min(1).max(64),
  refundId: z.string().max(64).optional(),
  refundFee: z.coerce.number().int().nonnegative(),
  totalFee: z.coerce.number().int().nonnegative().optional(),
  refundStatus: z.string(),
  successTime: z.string().optional(),
})

export const refundNotifySchema = z.looseObject({
  returnCode: z.string(),
  reqInfo: refundNotifyInfoSchema.optional(),
  outTradeNo: z.string().optional(),
  outRefundNo: z.string().optional(),
  refundFee: z.coerce.number().optional(),
  refundStatus: z.string().optional(),
})

/** The reply the callback protocol requires: errcode 0 = handled; anything else makes WeChat retry. */
export const wechatNotifyReplySchema = z.object({ errcode: z.number().int(), errmsg: z.string() })

/**
 * Not called by the mini-program. The production entry (paycallback/index.ts) wraps the raw notify into
 * { action, notify }; the local sandbox gateway does the same, so both reach the same handler.
 */
export const paycallbackContract = defineContract('paycallback', {
  // Declared as queries only because WeChat sends no requestId: idempotency comes from the notify's own
  // ids (outTradeNo / outRefundNo) and conditional updates, never from the envelope.
  payNotify: query(z.object({ notify: payNotifySchema }).strict(), wechatNotifyReplySchema),
  refundNotify: query(z.object({ notify: refundNotifySchema }).strict(), wechatNotifyReplySchema),
},
  {
    audience: {
      payNotify: ['console'],
      refundNotify: ['console'],
    },
    errors: {
      payNotify: ['ORDER.ILLEGAL_TRANSITION', 'ORDER.NOT_FOUND', 'ORDER.REFUND_EXCEEDS_PAID'],
      refundNotify: ['ORDER.ILLEGAL_TRANSITION'],
    },
  },
)

export type PayNotify = z.infer<typeof payNotifySchema>
export type RefundNotify = z.infer<typeof refundNotifySchema>
export type RefundNotifyInfo = z.infer<typeof refundNotifyInfoSchema>
export type WechatNotifyReply = z.infer<typeof wechatNotifyReplySchema>
