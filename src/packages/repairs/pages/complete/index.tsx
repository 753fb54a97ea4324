import { useRef, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text, Textarea } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { repairsContract } from '@contracts/repairs.contract'
import { callFn } from '@/services/call-fn'
import { PhotoGrid, pickPhotos } from '../../components/PhotoGrid'
import { monthFolder, uploadImagesOnce } from '@/services/upload'
import { submitAndBack } from '../../components/submit-and-back'
import '../../components/repairs.scss'

/** 完成维修 (technician): what was done and photos of the result, for the resident to check and rate. */
export default function CompleteTicketPage() {
  const { id = '' } = useRouter().params
  const [note, setNote] = useState('')
  const [photos, setPhotos] = useState<string[]>([])
  const [busy, setBusy] = useState(false)
  const uploaded = useRef(new Map<string, string>())
  const submit = async () => {
    if (note.trim().length < 2) return void Taro.showToast({ title: '请填写处理说明', icon: 'none' })
    await submitAndBack(
      setBusy,
      async () => {
        const fileIds = await uploadImagesOnce(photos, monthFolder('repairs'), uploaded.current)
        await callFn(repairsContract, 'complete', { ticketId: id, note: note.trim(), photos: fileIds })
      },
      '已完成',
    )
  }
  return (
    <View className='repairs-page complete-page'>
      <View className='form-block'>
        <Text className='form-block__label'>处理说明</Text>
        <Textarea className='field field--area complete-note' placeholder='如：更换水槽下水管密封圈，已试水无渗漏' value={note} maxlength={300} onInput={(e) => setNote(e.detail.value)} />
      </View>
      <View className='form-block'>
        <Text className='form-block__label'>完工照片（选填，最多 9 张）</Text>
        <PhotoGrid urls={photos} onAdd={async () => setPhotos([...photos, ...(await pickPhotos(photos.length))])} onRemove={(i) => setPhotos(photos.filter((_, j) => j !== i))} />
      </View>
      <View className='actions'>
        <Button className='submit-complete' type='primary' block loading={busy} disabled={busy} onClick={() => void submit()}>
          确认完成
        </Button>
      </View>
    </View>
  )
}
