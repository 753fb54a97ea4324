import type { Platform } from '../kernel/platform'
import { checkFiles, IMAGE_TYPES, type FileRules } from '../storage'
import { storageOf } from '../kernel/ports/storage.port'
import type { UrlOf } from './group-view'

/** Group QR images: uploaded by the mini-program to groups/…, one image, small. */
export const GROUP_CODE_RULES: FileRules = { folder: 'groups/', maxBytes: 2 * 1024 * 1024, contentTypes: IMAGE_TYPES, maxCount: 1 }

/** The uploaded QR must exist in storage, be an image and sit under groups/ — checked before anything is written. */
export async function checkCodeFile(platform: Platform, fileId: string): Promise<void> {
  await checkFiles(storageOf(platform), [fileId], GROUP_CODE_RULES)
}

/**
 * Display URLs for the live codes about to be returned (one storage call). Without a storage port the
 * fileID itself is the URL: the mini-program's <Image> accepts cloud:// fileIDs directly.
 */
export async function urlsFor(platform: Platform, fileIds: string[]): Promise<UrlOf> {
  const unique = [...new Set(fileIds)]
  if (unique.length === 0 || !platform.ports.storage) return (id) => id
  const urls = await storageOf(platform).tempUrls(unique, 2 * 3600)
  return (id) => urls[id] ?? id
}
