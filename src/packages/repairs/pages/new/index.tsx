import { useMemo, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Textarea, Input } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { REPAIR_CATEGORIES, REPAIR_CATEGORY_LABELS, repairsContract, type RepairCategory } from '@contracts/repairs.contract'
import { householdsContract } from '@contracts/households.contract'
import { callFn, isFnError } from '@/services/call-fn'
import { useFnQuery } from '@/hooks/use-fn-query'
import { PageState } from '@/components/PageState'
import { PhotoGrid, pickPhotos } from '../../components/PhotoGrid'
import { detailUrl } from '../../components/TicketList'
import { quickWindows } from '../../components/labels'
import { uploadRepairPhotos } from '../../services/upload-photo'
import { askForRepairUpdates } from '../../services/subscribe'
import '../../components/repairs.scss'

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
  const [busy, setBusy] = useState(false)
  const [requestId, setRequestId] = useState<string>()
  const windows = useMemo(() => quickWindows(new Date()), [])
  // Each local photo is uploaded once: a retried submit sends the very same fileIDs (and request id).
  const uploaded = useRef(new Map<string, string>())
  const chosenPlace = place ?? me.data?.currentHouseholdId ?? households[0]?.householdId ?? null
  const home = households.find((h) => h.householdId === chosenPlace)
  const communityId = home?.communityId ?? households[0]?.communityId

  const submit = async () => {
    if (!chosenPlace || !communityId) return
    if (!category) return void Taro.showToast({ title: '请选择报修类型', icon: 'none' })
    if (description.trim().length < 5) return void Taro.showToast({ title: '请至少用 5 个字描述问题', icon: 'none' })
    if (chosenPlace === PUBLIC && area.trim().length < 2) return void Taro.showToast({ title: '请填写具体位置', icon: 'none' })
    setBusy(true)
    try {
      await askForRepairUpdates('resident')
      const missing = photos.filter((p) => !uploaded.current.has(p))
      const ids = await uploadRepairPhotos(missing)
      missing.forEach((p, i) => uploaded.current.set(p, ids[i]))
      const fileIds = photos.map((p) => uploaded.current.get(p)!)
      const w = windows.find((x) => x.key === windowKey)
      const created = await callFn(
        repairsContract,
        'create',
        {
          place: chosenPlace === PUBLIC ? { kind: 'public', communityId, area: area.trim() } : { kind: 'household', householdId: chosenPlace },
          category,
          description: description.trim(),
          photos: fileIds,
          ...(w ? { preferredWindow: { start: w.start, end: w.end } } : {}),
        },
        { requestId },
      )
      void Taro.showToast({ title: created.assigneeName ? `已派单给${created.assigneeName}` : '已提交，等待派单', icon: 'success' })
      void Taro.redirectTo({ url: detailUrl(created.ticketId) })
    } catch (e) {
      // After a lost answer, submitting again must retry the same filing, not create a second ticket;
      // after a refusal the resident will change something, so the next submit is a new request.
      const transient = isFnError(e) && ['NETWORK.FAILED', 'FN.UNAVAILABLE', 'INTERNAL', 'REQUEST.IN_PROGRESS'].includes(e.code)
      setRequestId(transient && isFnError(e) ? e.requestId : undefined)
      void Taro.showToast({ title: isFnError(e) ? e.message : '提交失败，请重试', icon: 'none', duration: 2500 })
    } finally {
      setBusy(false)
    }
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
