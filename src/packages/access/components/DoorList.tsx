import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { AccessDoor } from '@contracts/access.contract'
import './door-list.scss'

export interface DoorListProps {
  doors: AccessDoor[]
  /** Opens one door; resolves when the gateway answered (the caller shows the toast). */
  onOpen: (door: AccessDoor) => Promise<void>
  disabled?: boolean
}

const KIND_LABEL = { gate: '小区大门', unit: '单元门' } as const

/** 一键开门: one row per door the caller may open; a row is busy while its open is in flight. */
export function DoorList({ doors, onOpen, disabled }: DoorListProps) {
  const [busy, setBusy] = useState<string>()
  const open = async (door: AccessDoor) => {
    if (busy) return
    setBusy(door.doorId)
    try {
      await onOpen(door)
    } finally {
      setBusy(undefined)
    }
  }
  return (
    <View className='card door-list'>
      {doors.map((d) => (
        <View key={d.doorId} className='door-row' data-door={d.doorId}>
          <View className='door-row__main'>
            <Text className='door-row__name'>{d.name}</Text>
            <Text className='door-row__kind'>{KIND_LABEL[d.kind]}</Text>
          </View>
          <Button className='door-row__open' type='primary' size='small' loading={busy === d.doorId} disabled={disabled || (!!busy && busy !== d.doorId)} onClick={() => void open(d)}>
            一键开门
          </Button>
        </View>
      ))}
    </View>
  )
}

export default DoorList
