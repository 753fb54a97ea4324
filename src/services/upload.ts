import Taro from '@tarojs/taro'
import { FnError } from './fn-error'
import { currentMonth } from './format'

type UploadOne = (filePath: string, cloudPath: string) => Promise<string>

// H5 (local only) posts to the gateway's storage stand-in; the weapp build never contains that module.
const uploadOne: UploadOne =
  process.env.TARO_ENV === 'h5'
    ? (require('./upload-h5') as typeof import('./upload-h5')).uploadViaGateway
    : async (filePath, cloudPath) => (await Taro.cloud.uploadFile({ cloudPath, filePath })).fileID

const randomName = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`

/**
 * Uploads local images (paths from Taro.chooseImage) under `folder` (e.g. `repairs/202612`,
 * `groups/<groupId>`) and returns their fileIDs in order. weapp: straight to CloudBase storage; H5: the
 * local gateway. The function that receives the fileIDs checks each file (folder, exists, type, size),
 * so nothing here is trusted; this only names files so two uploads never collide.
 */
export async function uploadImages(paths: string[], folder: string): Promise<string[]> {
  const ids: string[] = []
  for (const filePath of paths) {
    const ext = /\.(png|jpe?g|webp|gif)$/i.exec(filePath)?.[1]?.toLowerCase() ?? 'jpg'
    try {
      ids.push(await uploadOne(filePath, `${folder.replace(/\/+$/, '')}/${randomName()}.${ext}`))
    } catch (e) {
      if (e instanceof FnError) throw e
      throw new FnError('NETWORK.FAILED', '图片上传失败，请检查网络后重试')
    }
  }
  return ids
}

export async function uploadImage(path: string, folder: string): Promise<string> {
  const [id] = await uploadImages([path], folder)
  return id
}

/**
 * Like uploadImages, but a path already in `cache` is not sent again: a retried submit after a lost
 * reply carries the very same fileIDs (and so matches its request id's first input).
 */
export async function uploadImagesOnce(paths: string[], folder: string, cache: Map<string, string>): Promise<string[]> {
  const missing = paths.filter((p) => !cache.has(p))
  const ids = await uploadImages(missing, folder)
  missing.forEach((p, i) => cache.set(p, ids[i]))
  return paths.map((p) => cache.get(p)!)
}

/** The month folder in Beijing time ("repairs/202612"), never the UTC month of the phone's clock. */
export function monthFolder(prefix: string, now: Date = new Date()): string {
  return `${prefix}/${currentMonth(now).replace('-', '')}`
}
