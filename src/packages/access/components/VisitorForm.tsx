import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Input } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { accessContract, type AccessDoor, type VisitorPass } from '@contracts/access.contract'
import { callFn } from '@/services/call-fn'
import { toastError } from '@/services/toast'
import './visitor-form.scss'

const HOURS = [2, 4, 8, 24]
const USES = [1, 2, 5, 10]

export interface VisitorFormProps {
  householdId: string
  doors: AccessDoor[]
  onCreated: (pass: VisitorPass) => void
}

function Chips<T extends string | number>({ options, selected, label, onToggle }: { options: T[]; selected: (v: T) => boolean; label: (v: T) => string; onToggle: (v: T) => void }) {
  return (
    <View className='chips'>
      {options.map((o) => (
        <View key={String(o)} className={`chip${selected(o) ? ' chip--on' : ''}`} onClick={() => onToggle(o)}>
          <Text>{label(o)}</Text>
        </View>
      ))}
    </View>
  )
}

/** 邀请访客: who, for how long (from now, ≤ 24 h), how many entries, through which of our doors. */
export function VisitorForm({ householdId, doors, onCreated }: VisitorFormProps) {
  const [name, setName] = useState('')
  const [hours, setHours] = useState(4)
  const [uses, setUses] = useState(2)
  const [doorIds, setDoorIds] = useState<string[]>(() => doors.map((d) => d.doorId))
  const [busy, setBusy] = useState(false)
  const toggleDoor = (id: string) => setDoorIds((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]))

  const submit = async () => {
    if (!name.trim()) return void Taro.showToast({ title: '请填写访客姓名', icon: 'none' })
    if (doorIds.length === 0) return void Taro.showToast({ title: '请至少选择一扇门', icon: 'none' })
    setBusy(true)
    try {
      const now = Date.now()
      const pass = await callFn(accessContract, 'createVisitorPass', {
        householdId,
        visitorName: name.trim(),
        startsAt: new Date(now).toISOString(),
        endsAt: new Date(now + hours * 3600_000).toISOString(),
        maxUses: uses,
        doorIds,
      })
      setName('')
      onCreated(pass)
    } catch (e) {
      toastError(e)
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='card visitor-form'>
      <Text className='visitor-form__label'>访客姓名</Text>
      <Input className='visitor-form__name' value={name} maxlength={20} placeholder='如：李阿姨' onInput={(e) => setName(e.detail.value)} />
      <Text className='visitor-form__label'>有效时长（从现在起）</Text>
      <Chips options={HOURS} selected={(h) => h === hours} label={(h) => `${h} 小时`} onToggle={setHours} />
      <Text className='visitor-form__label'>可通行次数</Text>
      <Chips options={USES} selected={(u) => u === uses} label={(u) => `${u} 次`} onToggle={setUses} />
      <Text className='visitor-form__label'>可通行的门</Text>
      <Chips options={doors.map((d) => d.doorId)} selected={(id) => doorIds.includes(id)} label={(id) => doors.find((d) => d.doorId === id)?.name ?? id} onToggle={toggleDoor} />
      <Button className='visitor-form__submit' type='primary' block loading={busy} onClick={() => void submit()}>
        生成访客通行证
      </Button>
    </View>
  )
}

export default VisitorForm
