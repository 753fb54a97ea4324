import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { Member } from '@contracts/households-members.schemas'
import { MEMBER_ROLE_LABEL } from '@/pages/mine/labels'
import { shanghaiDate } from '@/services/format'

interface Props {
  member: Member
  canManage: boolean
  onApprove: (m: Member) => void
  onRemove: (m: Member) => void
}

/** One member: role, how they asked to be called, and the owner's approve / remove actions. */
export function MemberRow({ member: m, canManage, onApprove, onRemove }: Props) {
  const name = m.nickname ?? MEMBER_ROLE_LABEL[m.role]
  const confirmRemove = async () => {
    const res = await Taro.showModal({ title: m.status === 'pending' ? '拒绝申请' : '移除成员', content: `确定${m.status === 'pending' ? '拒绝' : '移除'}「${name}」吗？移除后对方立即无法查看账单、开门和下单。` })
    if (res.confirm) onRemove(m)
  }
  return (
    <View className={`hh-list-item member-row member-row--${m.status}`}>
      <View className='hh-list-item__main'>
        <Text className='hh-list-item__title'>{m.isMe ? `${name}（我）` : name}</Text>
        <Text className='hh-list-item__meta'>{`${shanghaiDate(m.joinedAt)} ${m.status === 'pending' ? '申请加入' : '加入'}`}</Text>
      </View>
      <View className='hh-list-item__actions'>
        <Text className={`hh-tag hh-tag--${m.role}`}>{MEMBER_ROLE_LABEL[m.role]}</Text>
        {m.status === 'pending' && <Text className='hh-tag hh-tag--pending'>待确认</Text>}
        {canManage && m.status === 'pending' && (
          <Button className='hh-small-button member-approve' size='small' type='primary' onClick={() => onApprove(m)}>
            同意
          </Button>
        )}
        {canManage && m.role !== 'owner' && (
          <Button className='hh-small-button member-remove' size='small' onClick={() => void confirmRemove()}>
            {m.status === 'pending' ? '拒绝' : '移除'}
          </Button>
        )}
      </View>
    </View>
  )
}
