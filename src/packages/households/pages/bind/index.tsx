import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { BuildingStep, CommunityStep, RoomStep, UnitStep, type Picked } from './BindSteps'
import { ProofForm } from './ProofForm'
import '../../components/households.scss'

const STEP_TITLES = ['选择小区', '选择楼栋', '选择单元', '选择房号', '核验身份']

/** 绑定房屋: community → building → unit → room, then prove ownership with the owner's name and phone. */
export default function BindPage() {
  const [community, setCommunity] = useState<Picked | null>(null)
  const [building, setBuilding] = useState<Picked | null>(null)
  const [unit, setUnit] = useState<string | null>(null)
  const [room, setRoom] = useState<Picked | null>(null)
  const step = !community ? 0 : !building ? 1 : !unit ? 2 : !room ? 3 : 4
  // A room picked at the bottom of a long list should not leave the next step scrolled out of view.
  useEffect(() => void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }), [step])

  // Tapping a chosen segment goes back to that step and forgets what came after it.
  const segments: { text: string; back: () => void }[] = [
    community && { text: community.name, back: () => (setCommunity(null), setBuilding(null), setUnit(null), setRoom(null)) },
    building && { text: building.name, back: () => (setBuilding(null), setUnit(null), setRoom(null)) },
    unit && { text: unit, back: () => (setUnit(null), setRoom(null)) },
    room && { text: room.name, back: () => setRoom(null) },
  ].filter(Boolean) as { text: string; back: () => void }[]

  return (
    <View className='hh-page bind-page'>
      <View className='hh-path'>
        {segments.map((s, i) => (
          <View key={s.text + i} style={{ display: 'flex' }}>
            {i > 0 && <Text className='hh-path__sep'>›</Text>}
            <Text className='hh-path__seg' onClick={s.back}>
              {s.text}
            </Text>
          </View>
        ))}
        {segments.length === 0 && <Text className='hh-path__todo'>请选择您的房屋</Text>}
      </View>
      <Text className='section-title'>{`${step + 1}/5 ${STEP_TITLES[step]}`}</Text>
      {step === 0 && <CommunityStep onPick={setCommunity} />}
      {step === 1 && community && <BuildingStep communityId={community.id} onPick={setBuilding} />}
      {step === 2 && building && <UnitStep buildingId={building.id} onPick={setUnit} />}
      {step === 3 && building && unit && <RoomStep buildingId={building.id} unit={unit} onPick={setRoom} />}
      {step === 4 && room && community && building && unit && <ProofForm householdId={room.id} label={`${community.name} ${building.name}${unit}${room.name}`} />}
      <Text className='hh-hint'>业主姓名和手机号须与物业登记一致。为保护业主信息，连续验证失败 5 次后需等待 1 小时。家属或租户也可以请业主在“房屋成员”中邀请您。</Text>
    </View>
  )
}
