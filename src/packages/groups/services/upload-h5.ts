import Taro from '@tarojs/taro'
import { FnError } from '@/services/call-fn'
import { currentOpenid } from '@/dev/persona-store'

/** H5 only (reachable behind TARO_ENV === 'h5'): multipart upload to the local gateway, as the persona. */
export async function uploadH5(filePath: string, cloudPath: string): Promise<string> {
  const res = await Taro.uploadFile({
    url: `${FN_GATEWAY}/storage/upload`,
    filePath,
    name: 'file',
    formData: { cloudPath },
    header: { 'x-dev-openid': await currentOpenid() },
  })
  const body = JSON.parse(String(res.data)) as { ok: boolean; data?: { fileId: string }; code?: string; message?: string }
  if (!body.ok || !body.data) throw new FnError(body.code ?? 'INTERNAL', body.message ?? '图片上传失败')
  return body.data.fileId
}
