import type { Notifier, SendOutcome, SubscribeMessage } from '../../core/kernel/ports/notifier.port'
import { templateIdFor } from '../../core/kernel/ports/notifier.port'

/** The slice of the @cloudbase/node-sdk app this adapter uses (a fake in unit tests). */
export interface WxOpenApiCaller {
  callWxOpenApi(options: { apiName: string; requestData: unknown }): Promise<{ result?: unknown; code?: string; message?: string }>
}

/** WeChat's answer when the user has no subscription left for the template: expected, not an error. */
const USER_REFUSED = 43101
/** The HTTPS path of subscribeMessage.send; CloudBase's wx.api action forwards it with the mini-program's token. */
export const SUBSCRIBE_SEND_API = '/cgi-bin/message/subscribe/send'

/**
 * subscribeMessage.send through CloudBase's WeChat open API (app.callWxOpenApi): no access_token handling
 * here, CloudBase signs the call for the env's mini-program. Template ids come from env vars
 * (WX_TPL_<TEMPLATE>); the function must be granted the open API in the console (docs/repairs.md).
 * WX_MINIPROGRAM_STATE (developer | trial | formal) picks which build the card opens.
 */
export function createCloudbaseNotifier(app: WxOpenApiCaller, env: Readonly<Record<string, string | undefined>>): Notifier {
  return {
    async send(message: SubscribeMessage): Promise<SendOutcome> {
      const templateId = templateIdFor(env, message.template)
      if (!templateId) return { status: 'skipped', detail: `no template id configured for ${message.template}` }
      const res = await app.callWxOpenApi({
        apiName: SUBSCRIBE_SEND_API,
        requestData: {
          touser: message.toOpenid,
          template_id: templateId,
          page: message.page,
          data: Object.fromEntries(Object.entries(message.data).map(([k, v]) => [k, { value: v }])),
          miniprogram_state: env.WX_MINIPROGRAM_STATE || 'formal',
          lang: 'zh_CN',
        },
      })
      if (res.code) return { status: 'failed', detail: `${res.code}: ${res.message ?? ''}` }
      const result = (res.result ?? {}) as { errcode?: number; errmsg?: string }
      if (!result.errcode) return { status: 'sent' }
      if (result.errcode === USER_REFUSED) return { status: 'refused', detail: String(result.errcode) }
      return { status: 'failed', detail: `${result.errcode}: ${result.errmsg ?? ''}` }
    },
  }
}
