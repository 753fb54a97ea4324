import { useMemo, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Textarea, Input } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { REPAIR_CATEGORIES, REPAIR_CATEGORY_LABELS, repairsContract, type RepairCategory } from '@contracts/repairs.contract'
import { householdsContract } from '@contracts/households.contract'
import { callFn } from '@/services/call-fn'
import { useMutation } from '@/hooks/use-fn-mutation'
import { useFnQuery } from '@/hooks/use-fn-query'
import { PageState } from '@/components/PageState'
import { PhotoGrid, pickPhotos } from '../../components/PhotoGrid'
import { detailUrl } from '../../components/TicketList'
import { quickWindows } from '../../components/labels'
import { monthFolder, uploadImagesOnce } from '@/services/upload'
import { askForRepairUpdates } from '../../services/subscribe'
import '../../components/repairs.scss'
import { toastInfo, toastOk } from '@/services/toast'

const PUBLIC = 'public'

/** 我要报修: where, what, a description, up to 9 photos and when suits; dispatch happens on submit. */
export default function NewTicketPage() {
  const me = useFnQuery(householdsContract, 'me', {})
  const households = me.data?.households ?? []
  const [place, setPlace] = useState<string | null>(null)
  const [area, setArea] = useState('')
  const [category, setCategory] = useState<RepairCategory | null>(null)
  const [description, setDescription] = useState('')
  const [photos, setPhotos] = useState<string[]>([])
  const [windowKey, setWindowKey] = useState<string>('asap')
  const windows = useMemo(() => quickWindows(new Date()), [])
  // Each local photo is uploaded once: a retried submit sends the very same fileIDs (and request id).
  const uploaded = useRef(new Map<string, string>())
  const chosenPlace = place ?? me.data?.currentHouseholdId ?? households[0]?.householdId ?? null
  const home = households.find((h) => h.householdId === chosenPlace)
  const communityId = home?.communityId ?? households[0]?.communityId

  // One request id per filing (use-fn-mutation): submitting the same form again after a lost answer
  // retries that filing instead of opening a second ticket; photos are uploaded once for the same reason.
  const file = useMutation(async (form: { place: string; communityId: string; area: string; category: RepairCategory; description: string; photos: string[]; windowKey: string }, requestId) => {
    await askForRepairUpdates('resident')
    const fileIds = await uploadImagesOnce(form.photos, monthFolder('repairs'), uploaded.current)
    const w = windows.find((x) => x.key === form.windowKey)
    return callFn(
      repairsContract,
      'create',
      {
        place: form.place === PUBLIC ? { kind: 'public', communityId: form.communityId, area: form.area } : { kind: 'household', householdId: form.place },
        category: form.category,
        description: form.description,
        photos: fileIds,
        ...(w ? { preferredWindow: { start: w.start, end: w.end } } : {}),
      },
      { requestId },
    )
  })
  const busy = file.busy

  const submit = async () => {
    if (!chosenPlace || !communityId) return
    if (!category) return toastInfo('请选择报修类型')
    if (description.trim().length < 5) return toastInfo('请至少用 5 个字描述问题')
    if (chosenPlace === PUBLIC && area.trim().length < 2) return toastInfo('请填写具体位置')
    const created = await file.run({ place: chosenPlace, communityId, area: area.trim(), category, description: description.trim(), photos, windowKey })
    if (!created) return
    toastOk(created.assigneeName ? `已派单给${created.assigneeName}` : '已提交，等待派单')
    void Taro.redirectTo({ url: detailUrl(created.ticketId) })
  }

  return (
    <View className='repairs-page new-ticket'>
      <PageState loading={me.loading} error={me.error} hasData={!!me.data} empty={!!me.data && households.length === 0} emptyText='绑定房屋后才能报修' onRetry={() => void me.reload()}>
        <View className='form-block'>
          <Text className='form-block__label'>报修位置</Text>
          <View className='chips place-chips'>
            {households.map((h) => (
              <Text key={h.householdId} className={`chip${chosenPlace === h.householdId ? ' chip--on' : ''}`} onClick={() => setPlace(h.householdId)}>
                {h.label}
              </Text>
            ))}
            <Text className={`chip${chosenPlace === PUBLIC ? ' chip--on' : ''}`} onClick={() => setPlace(PUBLIC)}>
              小区公共区域
            </Text>
          </View>
          {chosenPlace === PUBLIC && <Input className='field public-area' placeholder='具体位置，如：3栋电梯、东门道闸' value={area} maxlength={30} onInput={(e) => setArea(e.detail.value)} />}
        </View>
        <View className='form-block'>
          <Text className='form-block__label'>报修类型</Text>
          <View className='chips category-chips'>
            {REPAIR_CATEGORIES.map((c) => (
              <Text key={c} className={`chip${category === c ? ' chip--on' : ''}`} data-category={c} onClick={() => setCategory(c)}>
                {REPAIR_CATEGORY_LABELS[c]}
              </Text>
            ))}
          </View>
        </View>
        <View className='form-block'>
          <Text className='form-block__label'>问题描述</Text>
          <Textarea className='field field--area description' placeholder='请描述问题，例如：厨房水槽下水慢，已持续两天' value={description} maxlength={500} onInput={(e) => setDescription(e.detail.value)} />
          <Text className='form-block__hint'>{description.length}/500</Text>
        </View>
        <View className='form-block'>
          <Text className='form-block__label'>照片（选填，最多 9 张）</Text>
          <PhotoGrid urls={photos} onAdd={async () => setPhotos([...photos, ...(await pickPhotos(photos.length))])} onRemove={(i) => setPhotos(photos.filter((_, j) => j !== i))} />
        </View>
        <View className='form-block'>
          <Text className='form-block__label'>期望上门时间</Text>
          <View className='chips window-chips'>
            <Text className={`chip${windowKey === 'asap' ? ' chip--on' : ''}`} onClick={() => setWindowKey('asap')}>
              尽快
            </Text>
            {windows.map((w) => (
              <Text key={w.key} className={`chip${windowKey === w.key ? ' chip--on' : ''}`} onClick={() => setWindowKey(w.key)}>
                {w.label}
              </Text>
            ))}
          </View>
        </View>
        <View className='actions'>
          <Button className='submit-ticket' type='primary' block loading={busy} disabled={busy} onClick={() => void submit()}>
            提交报修
          </Button>
        </View>
      </PageState>
    </View>
  )
}
