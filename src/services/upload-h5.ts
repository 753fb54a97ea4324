import Taro from '@tarojs/taro'
import { FnError } from './fn-error'
import { currentOpenid } from '../dev/persona-store'

/** H5 only (reachable behind TARO_ENV === 'h5'): multipart POST /storage/upload on the local gateway, as the persona. */
export async function uploadViaGateway(filePath: string, cloudPath: string): Promise<string> {
  const res = await Taro.uploadFile({ url: `${FN_GATEWAY}/storage/upload`, filePath, name: 'file', formData: { cloudPath }, header: { 'x-dev-openid': await currentOpenid() } })
  const reply = JSON.parse(String(res.data)) as { ok: boolean; data?: { fileId: string }; code?: string; message?: string }
  if (!reply.ok || !reply.data) throw new FnError(reply.code ?? 'INTERNAL', reply.message ?? '图片上传失败')
  return reply.data.fileId
}
