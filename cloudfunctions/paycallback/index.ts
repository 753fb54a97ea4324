import { productionMain, type ProductionMain } from '../platform/cloudbase/production-main'
import type { Platform } from '../core/kernel/platform'
import { paycallbackFunction } from './paycallback.function'
import { toWechatReply, wrapNotify } from '../contracts/paycallback-envelope'

/** WeChat Pay's bare notify in, { errcode, errmsg } out (see docs/payments.md). */
function wechatEntry(inner: ProductionMain) {
  const main = async (event: unknown, context: unknown) => toWechatReply(await inner(wrapNotify(event), context))
  return Object.assign(main, { withPlatform: (make: () => Platform) => wechatEntry(inner.withPlatform(make)), wiring: inner.wiring })
}

/** CloudBase entry. */
export const main = wechatEntry(productionMain(paycallbackFunction))
