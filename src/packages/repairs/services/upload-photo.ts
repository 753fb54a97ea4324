import Taro from '@tarojs/taro'
import { FnError } from '@/services/call-fn'

/**
 * Uploads local images (paths from Taro.chooseImage) under repairs/ and returns their fileIDs, in order.
 * weapp: straight to CloudBase storage; H5: the local gateway's stand-in. The repairs function checks
 * every file (folder, exists, image, ≤ 5 MB) before storing a reference, so nothing here is trusted.
 */
export async function uploadRepairPhotos(paths: string[]): Promise<string[]> {
  const upload =
    process.env.TARO_ENV === 'h5'
      ? (require('./upload-h5') as typeof import('./upload-h5')).uploadViaGateway
      : async (filePath: string, cloudPath: string) => (await Taro.cloud.uploadFile({ cloudPath, filePath })).fileID
  const month = new Date().toISOString().slice(0, 7).replace('-', '')
  const ids: string[] = []
  for (const filePath of paths) {
    const ext = /\.(png|jpe?g|webp|gif)$/i.exec(filePath)?.[1]?.toLowerCase() ?? 'jpg'
    const cloudPath = `repairs/${month}/${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}.${ext}`
    try {
      ids.push(await upload(filePath, cloudPath))
    } catch (e) {
      if (e instanceof FnError) throw e
      throw new FnError('NETWORK.FAILED', '照片上传失败，请检查网络后重试')
    }
  }
  return ids
}
