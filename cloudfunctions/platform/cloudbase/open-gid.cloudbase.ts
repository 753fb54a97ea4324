import type { OpenGidResolver } from '../../core/kernel/ports/open-gid.port'
import type { Logger } from '../../core/kernel/platform'
import type { WxOpenApiCaller } from './notifier.cloudbase'

/** The HTTPS path of "获取 cloudID 对应的数据"; CloudBase's wx.api action forwards it with the mini-program's token. */
export const GET_OPEN_DATA_API = '/wxa/getopendata'

/**
 * Production resolver: WeChat's "获取 cloudID 对应的数据" open API (HTTPS POST /wxa/getopendata with
 * `cloudid_list`; cloud-call name cloudbase.getOpenData), called through @cloudbase/node-sdk's
 * callWxOpenApi like the notifier's subscribeMessage.send: CloudBase signs it for the env's mini-program.
 * The answer carries `data_list[i].json`, a JSON string `{ cloudID, data: { openGId | opengid, watermark } }`.
 *
 * Why not trust `wx.cloud.CloudID()` substitution in the event: a client can put an object of the same
 * shape in its call; decrypting server-side is the only check that WeChat itself vouches for the group.
 * The function must be granted the open API in the console — see docs/groups.md.
 */
export function createCloudbaseOpenGidResolver(app: WxOpenApiCaller, logger: Logger): OpenGidResolver {
  return {
    // WeChat only decrypts a cloudID for the mini-program that obtained it, so no caller check is needed here.
    async resolve(cloudID) {
      const res = await app.callWxOpenApi({ apiName: GET_OPEN_DATA_API, requestData: { cloudid_list: [cloudID] } })
      if (res.code) {
        // Transport or permission failure: an operational fault, not a forged card — surface it.
        throw new Error(`getOpenData failed: ${res.code}`)
      }
      const openGId = parseOpenGid(res.result)
      if (!openGId) logger.warn('groups.opengid_unresolved', { errcode: errcodeOf(res.result) })
      return openGId
    },
  }
}

/** Tolerates both the HTTPS (snake_case, json as string) and cloud-call (camelCase, json as object) shapes. */
export function parseOpenGid(result: unknown): string | null {
  const r = (typeof result === 'string' ? safeJson(result) : result) as Record<string, unknown> | null
  if (!r || typeof r !== 'object') return null
  const list = (r.data_list ?? r.dataList) as unknown[] | undefined
  const first = Array.isArray(list) ? (list[0] as Record<string, unknown> | undefined) : undefined
  if (!first) return null
  const json = typeof first.json === 'string' ? safeJson(first.json) : first.json
  const data = (json as { data?: Record<string, unknown> } | null)?.data
  const id = data?.openGId ?? data?.opengid
  return typeof id === 'string' && /^[A-Za-z0-9_-]{8,64}$/.test(id) ? id : null
}

function errcodeOf(result: unknown): unknown {
  const r = result as { errcode?: unknown; errCode?: unknown } | null
  return r?.errcode ?? r?.errCode
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}
