import tcb from '@cloudbase/node-sdk'
import type { Platform, Ports } from '../../core/kernel/platform'
import { systemClock } from '../../core/kernel/platform'
import { createConsoleLogger } from '../../runtime/console-logger'
import { createCloudbaseNotifier } from './notifier.cloudbase'
import { createCloudbaseStorage } from './storage.cloudbase'
import { createWechatPayments } from './wechat-pay.adapter'
import { wechatProfitSharingFromEnv } from './wechat-profit-sharing.adapter'
import { appWiring } from '../../areas'

let app: ReturnType<typeof tcb.init> | undefined

/** One SDK app per warm container: CloudBase reuses containers, so init once and keep it. */
export function cloudbaseApp(): ReturnType<typeof tcb.init> {
  app ??= tcb.init({ env: tcb.SYMBOL_CURRENT_ENV })
  return app
}

export function productionPlatform(fn: string, ports: Partial<Ports> = {}): Platform {
  return {
    db: cloudbaseApp().database(),
    clock: systemClock,
    logger: createConsoleLogger(fn),
    env: process.env,
    wiring: appWiring(),
    ports: {
      notifier: createCloudbaseNotifier(cloudbaseApp(), process.env),
      storage: createCloudbaseStorage(cloudbaseApp()),
      payments: createWechatPayments(cloudbaseApp(), process.env),
      profitSharing: wechatProfitSharingFromEnv(process.env),
      ...ports,
    },
  }
}
