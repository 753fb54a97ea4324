import Taro from '@tarojs/taro'
import { FnError } from '@/services/call-fn'

/**
 * Uploads a local image (a path from Taro.chooseImage) under groups/ and returns its fileID. On weapp it
 * goes straight to CloudBase storage; on H5 to the local gateway's stand-in. The function then checks the
 * file (exists, image, size) before storing the fileID, so nothing here is trusted.
 */
export async function uploadGroupImage(filePath: string, groupId: string): Promise<string> {
  const ext = /\.(png|jpe?g|webp|gif)$/i.exec(filePath)?.[1]?.toLowerCase() ?? 'jpg'
  const cloudPath = `groups/${groupId}/${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}.${ext}`
  const upload =
    process.env.TARO_ENV === 'h5'
      ? (require('./upload-h5') as typeof import('./upload-h5')).uploadH5
      : async (path: string, target: string) => (await Taro.cloud.uploadFile({ cloudPath: target, filePath: path })).fileID
  try {
    return await upload(filePath, cloudPath)
  } catch (e) {
    if (e instanceof FnError) throw e
    throw new FnError('NETWORK.FAILED', '图片上传失败，请检查网络后重试')
  }
}
