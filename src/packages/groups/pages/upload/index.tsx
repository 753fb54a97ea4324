import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text, Image, Picker } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { groupsContract, type GroupView } from '@contracts/groups.contract'
import { callFn } from '@/services/call-fn'
import { uploadImage } from '@/services/upload'
import { pickableDays, savedAtFromDay, shanghaiDay } from '../../services/saved-at'
import { formatDateTime, timeLeft } from '../../components/labels'
import '../../components/groups.scss'
import { toastError } from '@/services/toast'

/**
 * 上传群二维码: pick the QR image saved from the WeChat group and the day it was saved; the code then
 * expires 7 days after that day (WeChat's rule) and the page shows the expiry the server computed.
 */
export default function UploadCodePage() {
  const { groupId = '', name = '' } = useRouter().params
  const [filePath, setFilePath] = useState<string | null>(null)
  const [day, setDay] = useState(shanghaiDay(new Date()))
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<GroupView | null>(null)
  const range = pickableDays(new Date())

  const choose = async () => {
    try {
      const res = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
      setFilePath(res.tempFilePaths[0] ?? null)
      setResult(null)
    } catch {
      // The steward closed the picker; nothing to do.
    }
  }
  const submit = async () => {
    if (!filePath) return
    setBusy(true)
    try {
      const fileId = await uploadImage(filePath, `groups/${groupId}`)
      const savedAt = savedAtFromDay(day, new Date()).toISOString()
      setResult(await callFn(groupsContract, 'uploadCode', { groupId, fileId, savedAt }))
      void Taro.showToast({ title: '已上传', icon: 'success' })
    } catch (e) {
      toastError(e, '上传失败，请重试')
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='groups-page upload-page'>
      <Text className='section-title'>{decodeURIComponent(name) || '群二维码'}</Text>
      <View className='card qr-card'>
        {filePath ? <Image className='qr-card__image' src={filePath} mode='aspectFit' /> : <Text className='qr-card__hint'>在微信群里「群二维码」页保存图片后，从相册选择</Text>}
        <Button className='choose-image' size='small' onClick={() => void choose()}>
          {filePath ? '重新选择' : '选择二维码图片'}
        </Button>
      </View>
      <View className='form-row'>
        <Text className='form-row__label'>保存日期（二维码 7 天后失效）</Text>
        <Picker mode='date' value={day} start={range.start} end={range.end} onChange={(e) => setDay(String(e.detail.value))}>
          <View className='form-row__field saved-day'>{day}</View>
        </Picker>
      </View>
      <View className='groups-actions'>
        <Button className='submit-code' type='primary' disabled={!filePath || busy} loading={busy} onClick={() => void submit()}>
          上传
        </Button>
      </View>
      {result?.code.expiresAt && (
        <View className='card code-result'>
          <Text className='code-result__expiry'>
            已上传，二维码有效期至 {formatDateTime(result.code.expiresAt)}（{timeLeft(result.code.expiresAt)}）
          </Text>
        </View>
      )}
    </View>
  )
}
