import type { Platform } from '../platform'
import { requirePort } from '../platform'

/**
 * Turns the cloudID that wx.getGroupEnterInfo hands the mini-program into the group's openGId. The
 * client never sends an openGId itself: it could claim any group. The cloudID is only meaningful to
 * WeChat, which decrypts it for the same mini-program and user.
 *
 * Production: platform/cloudbase/open-gid.cloudbase.ts (WeChat open API cloudbase.getOpenData through
 * @cloudbase/node-sdk). Local: platform/local/open-gid.local.ts (a stable fake openGId per chat).
 */

export interface OpenGidResolver {
  /** The openGId, or null when WeChat does not vouch for the cloudID (expired, forged, another user's). */
  resolve(cloudID: string, callerOpenid: string): Promise<string | null>
}

export function openGidResolverOf(platform: Platform): OpenGidResolver {
  return requirePort(platform, 'openGid')
}

/**
 * The openGId of the chat a card was opened in, for touch records: best effort, because a touch without
 * its group is still worth keeping, so a missing port or a failed lookup yields null (logged as `logEvent`).
 */
export async function groupOfCard(platform: Platform, cloudID: string, openid: string, logEvent: string): Promise<string | null> {
  const resolver = platform.ports.openGid
  if (!resolver) return null
  try {
    return await resolver.resolve(cloudID, openid)
  } catch (e) {
    platform.logger.warn(logEvent, { errorMessage: (e as Error).message })
    return null
  }
}
