import Taro from '@tarojs/taro'
import { View, Text, Button as TaroButton } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { GroupView } from '@contracts/groups.contract'
import { formatDateTime, STAGE_COLORS, timeLeft } from './labels'

function codeLine(code: GroupView['code']): string {
  if (code.status === 'none') return '还没有上传二维码'
  if (code.status === 'expired') return '二维码已过期，住户暂时无法扫码加入'
  return `二维码有效期至 ${formatDateTime(code.expiresAt!)}（${timeLeft(code.expiresAt!)}）`
}

/** One group on the steward's list: capacity, code expiry, stage and activity, with its actions. */
export function GroupCard({ group, onMove }: { group: GroupView; onMove: (g: GroupView) => void }) {
  const upload = () => void Taro.navigateTo({ url: `/packages/groups/pages/upload/index?groupId=${group.id}&name=${encodeURIComponent(group.name)}` })
  return (
    <View className='card group-card' data-group-id={group.id}>
      <View className='group-card__head'>
        <Text className='group-card__name'>{group.name}</Text>
        <Text className='group-card__stage' style={{ backgroundColor: STAGE_COLORS[group.stage] }}>
          {group.stageLabel}
        </Text>
      </View>
      <Text className='group-card__meta'>
        {group.kindLabel} · {group.buildingsLabel}
        {group.openGIdBound ? ' · 已绑定群聊' : ' · 未绑定群聊'}
      </Text>
      <View className='group-card__stats'>
        <View className='group-card__stat'>
          <Text className='group-card__stat-value'>
            {group.memberCount}/{group.capacity}
          </Text>
          <Text className='group-card__stat-label'>成员/容量</Text>
        </View>
        <View className='group-card__stat'>
          <Text className='group-card__stat-value'>{group.seatsLeft}</Text>
          <Text className='group-card__stat-label'>剩余名额</Text>
        </View>
        <View className='group-card__stat'>
          <Text className='group-card__stat-value' data-testid='activity-score'>{`${group.score} 分`}</Text>
          <Text className='group-card__stat-label'>活跃度</Text>
        </View>
      </View>
      <Text className='group-card__hint'>活跃度：群名片打开 1 分、入群 3 分、下单 5 分，每 7 天减半</Text>
      <Text className={`group-card__code group-card__code--${group.code.status}`}>{codeLine(group.code)}</Text>
      {group.silent && <Text className='group-card__silent'>群已沉寂，建议把仍活跃的成员迁到活跃群</Text>}
      <View className='group-card__buttons'>
        <Button className='upload-code' size='small' type='primary' onClick={upload}>
          上传二维码
        </Button>
        {!group.openGIdBound && (
          <TaroButton className='share-bind' size='mini' openType='share' data-group-id={group.id} data-group-name={group.name}>
            分享到群以绑定
          </TaroButton>
        )}
        {group.silent && (
          <Button size='small' onClick={() => onMove(group)}>
            可迁移成员
          </Button>
        )}
      </View>
    </View>
  )
}
