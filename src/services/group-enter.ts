import Taro from '@tarojs/taro'

/**
 * The cloudID of the WeChat group this page was opened in (a card shared into a group), or null when it
 * was not opened from a group. On H5 there is no WeChat group: the dev link carries `chat=<name>` and the
 * local stand-in turns `local-chat:<name>` into a stable fake openGId.
 */
export async function groupEnterCloudId(params: Record<string, string | undefined>): Promise<string | null> {
  if (process.env.TARO_ENV === 'h5') {
    const chat = params.chat ? decodeURIComponent(params.chat) : ''
    return chat ? `local-chat:${chat}` : null
  }
  try {
    // Callback style: WeChat documents no promise form for this API.
    const res = await new Promise<{ cloudID?: string }>((resolve, reject) => {
      void Taro.getGroupEnterInfo({ success: (r) => resolve(r as { cloudID?: string }), fail: reject })
    })
    return res.cloudID ?? null
  } catch {
    // Not opened from a group chat (or an old WeChat): nothing to record.
    return null
  }
}

/** Relative URLs (the local gateway's temp links) need the gateway origin on H5; others are used as given. */
export function imageUrl(url: string): string {
  return url.startsWith('/') ? `${FN_GATEWAY}${url}` : url
}
