import { View, Text } from '@tarojs/components'
import type { Member } from '@contracts/households-members.schemas'
import { MemberRow } from './MemberRow'

interface Props {
  members: Member[]
  canManage: boolean
  onApprove: (m: Member) => void
  onRemove: (m: Member) => void
}

/** Active members first (owner on top), then requests waiting for the owner. */
export function MemberList({ members, canManage, onApprove, onRemove }: Props) {
  return (
    <View className='card member-list' style={{ paddingTop: 0, paddingBottom: 0 }}>
      {members.length === 0 && (
        <View className='hh-list-item'>
          <Text className='hh-list-item__meta'>暂无成员</Text>
        </View>
      )}
      {members.map((m) => (
        <MemberRow key={m.memberId} member={m} canManage={canManage} onApprove={onApprove} onRemove={onRemove} />
      ))}
    </View>
  )
}
