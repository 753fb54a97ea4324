import { createHash } from 'node:crypto'
import type { OpenGidResolver } from '../../core/kernel/ports/open-gid.port'

/**
 * The local stand-in for WeChat's cloudID decryption. There is no WeChat group on H5 or in tests, so the
 * dev UI names the chat it pretends to be in and sends the cloudID `local-chat:<chat name>`; this
 * resolver turns it into a stable fake openGId (same chat → same openGId, like a real group). Anything
 * else is treated as a cloudID WeChat would not vouch for.
 */
export const LOCAL_CLOUD_ID_PREFIX = 'local-chat:'

export function localCloudIdFor(chat: string): string {
  return `${LOCAL_CLOUD_ID_PREFIX}${chat}`
}

export function fakeOpenGid(chat: string): string {
  // Real openGIds are opaque 28-character strings; this keeps the shape and is stable per chat.
  return `tG${createHash('sha256').update(`local-group:${chat}`).digest('base64url').slice(0, 26)}`
}

export function createLocalOpenGidResolver(): OpenGidResolver {
  return {
    async resolve(cloudID) {
      if (!cloudID.startsWith(LOCAL_CLOUD_ID_PREFIX)) return null
      const chat = cloudID.slice(LOCAL_CLOUD_ID_PREFIX.length).trim()
      return chat ? fakeOpenGid(chat) : null
    },
  }
}
