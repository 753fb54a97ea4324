import { Text, View } from '@tarojs/components'
import type { CampaignDetail } from '@contracts/groupbuy.contract'

const COLORS = ['#fa8c16', '#13c2c2', '#2f54eb', '#eb2f96', '#52c41a', '#722ed1', '#fa541c', '#1677ff']

/** Neighbours who joined: round avatars with the first character and masked names ("王*"), newest first. */
export function Joiners({ joiners, participants }: { joiners: CampaignDetail['joiners']; participants: number }) {
  if (joiners.length === 0) return <Text className='gb-joiners__empty'>还没有邻居参团，快来做第一个吧</Text>
  return (
    <View className='gb-joiners' data-testid='joiners'>
      <View className='gb-joiners__faces'>
        {joiners.map((j, i) => (
          <View key={`${j.name}-${i}`} className='gb-joiners__face' style={{ background: COLORS[i % COLORS.length] }}>
            <Text>{j.initial}</Text>
          </View>
        ))}
      </View>
      <Text className='gb-joiners__names'>
        {joiners
          .slice(0, 3)
          .map((j) => `${j.building}${j.name}`)
          .join('、')}
        {participants > 3 ? ` 等 ${participants} 户` : ''} 已参团
      </Text>
    </View>
  )
}
