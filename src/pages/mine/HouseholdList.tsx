import { View, Text } from '@tarojs/components'
import type { HouseholdSummary } from '@contracts/households.contract'
import { MEMBER_ROLE_LABEL } from './labels'

/** The caller's bound homes; the current one (bills, doors and orders default to it) is marked. */
export function HouseholdList({ households, currentId }: { households: HouseholdSummary[]; currentId: string | null }) {
  return (
    <View className='household-list'>
      {households.map((h) => {
        const current = h.householdId === currentId
        return (
          <View key={h.householdId} className={`household-item${current ? ' household-item--current' : ''}`}>
            <View className='household-item__main'>
              <Text className='household-item__label'>{h.label}</Text>
              <Text className='household-item__meta'>{`${h.areaM2} m²`}</Text>
            </View>
            <View className='household-item__tags'>
              <Text className={`household-item__role household-item__role--${h.role}`}>{MEMBER_ROLE_LABEL[h.role]}</Text>
              {current && <Text className='household-item__current'>当前</Text>}
            </View>
          </View>
        )
      })}
    </View>
  )
}
