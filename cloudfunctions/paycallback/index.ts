import { productionMain } from '../platform/cloudbase/production-main'
import { paycallbackFunction } from './paycallback.function'
import { toWechatReply, wrapNotify } from './notify-envelope'

const inner = productionMain(paycallbackFunction)

/** CloudBase entry: bare WeChat Pay notify in, { errcode, errmsg } out (see docs/payments.md). */
export const main = async (event: unknown, context: unknown) => toWechatReply(await inner(wrapNotify(event), context))
