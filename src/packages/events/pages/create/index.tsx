import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Input, Picker, Textarea, View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { eventCategorySchema, eventsContract, EVENT_KIND_LABELS, type EventCategory } from '@contracts/events.contract'
import { useFnQuery } from '@/hooks/use-fn-query'
import { useFnMutation } from '@/hooks/use-fn-mutation'
import { toastOk } from '@/services/toast'
import { ChipGroup } from '../../components/ChipGroup'
import { Field } from '../../components/Field'
import { EVENTS_URL } from '../../components/labels'
import { formOf, initialForm, toCreateInput, toEditInput, type EventForm } from './event-form'
import '../../components/events.scss'

const KINDS = (['experience', 'community'] as const).map((k) => ({ key: k, label: EVENT_KIND_LABELS[k] }))
const CATEGORIES = eventCategorySchema.options.map((c) => ({ key: c, label: c }))

/**
 * 发布活动: a 服务体验会 or 社区活动 with time (Beijing), place, places and which buildings may come.
 * With `?eventId=` it is 编辑活动: the same form filled in; the kind and the buildings stay as published,
 * and the places cannot go below the households already signed up (the server says so, EVENT.LIMIT_BELOW_SIGNED).
 */
export default function EventCreatePage() {
  const editing = useRouter().params.eventId ?? ''
  const [f, setF] = useState<EventForm>(() => initialForm())
  const set = <K extends keyof EventForm>(k: K, v: EventForm[K]) => setF((old) => ({ ...old, [k]: v }))
  const scope = useFnQuery(eventsContract, 'manageList', {})
  const create = useFnMutation(eventsContract, 'create')
  const edit = useFnMutation(eventsContract, 'edit')
  const current = editing ? scope.data?.events.find((e) => e.eventId === editing) : undefined
  useEffect(() => {
    if (current) setF(formOf(current))
    if (editing) void Taro.setNavigationBarTitle({ title: '编辑活动' })
  }, [current?.eventId])
  const buildings = (scope.data?.buildings ?? []).map((b) => ({ key: b.id, label: b.name }))
  const toggleBuilding = (id: string) => set('buildingIds', f.buildingIds.includes(id) ? f.buildingIds.filter((x) => x !== id) : [...f.buildingIds, id])

  const submit = async () => {
    if (editing) {
      const saved = await edit.run(toEditInput(editing, f))
      if (saved) {
        toastOk(saved.promoted > 0 ? `已保存，${saved.promoted} 户候补已补上` : '已保存')
        void Taro.navigateBack()
      }
      return
    }
    const out = await create.run(toCreateInput(f))
    if (out) {
      toastOk('活动已发布')
      void Taro.redirectTo({ url: EVENTS_URL.live(out.eventId) })
    }
  }

  return (
    <View className='ev-page' data-testid='event-create'>
      <View className='card ev-form'>
        {!editing && (
          <Field label='活动类型'>
            <ChipGroup options={KINDS} selected={[f.kind]} onToggle={(k) => set('kind', k)} />
          </Field>
        )}
        <Field label='活动名称'>
          <Input className='ev-field__input' value={f.title} maxlength={40} placeholder='例如：冬季家电清洗服务体验会' onInput={(e) => set('title', e.detail.value)} data-testid='create-title' />
        </Field>
        <Field label='品类（用于活动 ROI 与住户兴趣）'>
          <ChipGroup options={CATEGORIES} selected={[f.category]} onToggle={(c: EventCategory) => set('category', c)} />
        </Field>
        <Field label='地点'>
          <Input className='ev-field__input' value={f.venue} maxlength={40} placeholder='例如：1栋架空层 邻里活动室' onInput={(e) => set('venue', e.detail.value)} data-testid='create-venue' />
        </Field>
        <Field label='时间（北京时间；结束早于开始即为次日）'>
          <View className='ev-field__row'>
            <Picker mode='date' value={f.date} onChange={(e) => set('date', e.detail.value)}>
              <View className='ev-picker'>{f.date}</View>
            </Picker>
            <Picker mode='time' value={f.start} onChange={(e) => set('start', e.detail.value)}>
              <View className='ev-picker'>{f.start}</View>
            </Picker>
            <Text>至</Text>
            <Picker mode='time' value={f.end} onChange={(e) => set('end', e.detail.value)}>
              <View className='ev-picker'>{f.end}</View>
            </Picker>
          </View>
        </Field>
        <Field label={current ? `名额（户）· 已报名 ${current.signedUp} 户${current.waiting ? `，候补 ${current.waiting} 户` : ''}` : '名额（户）'}>
          <Input className='ev-field__input' type='number' value={f.limit} maxlength={4} onInput={(e) => set('limit', e.detail.value)} data-testid='create-limit' />
        </Field>
        {current ? (
          <Field label='可报名楼栋（发布后不可改）'>
            <Text className='ev-field__input'>{current.buildingNames.length ? current.buildingNames.join('、') : '全体住户'}</Text>
          </Field>
        ) : (
          <Field label={f.buildingIds.length ? '可报名楼栋' : '可报名楼栋（不选 = 全体住户）'}>
            <ChipGroup options={buildings} selected={f.buildingIds} onToggle={toggleBuilding} />
          </Field>
        )}
        <Field label='活动介绍'>
          <Textarea className='ev-field__input' value={f.description} maxlength={500} placeholder='活动内容、注意事项' autoHeight onInput={(e) => set('description', e.detail.value)} />
        </Field>
      </View>
      <View className='ev-actions'>
        <Button type='primary' loading={create.busy || edit.busy} disabled={create.busy || edit.busy || (!!editing && !current)} onClick={() => void submit()} data-testid='create-submit'>
          {editing ? '保存修改' : '发布'}
        </Button>
      </View>
    </View>
  )
}
