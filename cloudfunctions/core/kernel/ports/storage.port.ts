import type { Platform } from '../platform'
import { requirePort } from '../platform'

/**
 * The Storage port: CloudBase cloud storage. Files are named by fileID ("cloud://<env>.<bucket>/<cloudPath>").
 * The mini-program uploads directly (Taro.cloud.uploadFile on weapp; POST /storage/upload on the local
 * gateway for H5) and hands the fileIDs to a function, which checks them with `checkFiles` before storing
 * any reference. Clients display files through short-lived URLs from `tempUrls`.
 *
 * Production: platform/cloudbase/storage.cloudbase.ts (@cloudbase/node-sdk uploadFile/getFileInfo/
 * getTempFileURL/deleteFile). Local: platform/local/file-storage/ (files under DATA_DIR/storage, or memory).
 */

export interface StoredFileInfo {
  fileId: string
  /** Size in bytes. */
  size: number
  /** MIME type as the storage reports it (locally: sniffed from the bytes, not taken from the uploader). */
  contentType: string
}

export interface Storage {
  /** Server-side upload (exports, generated images); returns the fileID. */
  put(cloudPath: string, content: Buffer, contentType?: string): Promise<{ fileId: string }>
  /** Info for each fileID; a missing file is simply absent from the result. */
  stat(fileIds: string[]): Promise<StoredFileInfo[]>
  /** Temporary download URLs by fileID (missing files are absent). */
  tempUrls(fileIds: string[], maxAgeSeconds?: number): Promise<Record<string, string>>
  remove(fileIds: string[]): Promise<void>
}

export function storageOf(platform: Platform): Storage {
  return requirePort(platform, 'storage')
}

const FILE_ID = /^cloud:\/\/[A-Za-z0-9._-]+\/(.+)$/

/** "cloud://env.bucket/repairs/a/b.jpg" → "repairs/a/b.jpg"; null for anything that is not a fileID. */
export function cloudPathOf(fileId: string): string | null {
  const m = FILE_ID.exec(fileId)
  if (!m) return null
  const p = m[1]
  return p.split('/').some((seg) => seg === '' || seg === '.' || seg === '..') ? null : p
}
