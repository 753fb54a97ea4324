import { View, Text } from '@tarojs/components'
import type { CampaignCard } from '@contracts/groupbuy.contract'
import { progressRatio, progressText } from './labels'

/** The formation bar with "已有 N 户参团，差 M 户成团". */
export function Progress({ campaign }: { campaign: CampaignCard }) {
  return (
    <View className='gb-progress'>
      <View className='gb-progress__track'>
        <View className='gb-progress__fill' style={{ width: `${Math.round(progressRatio(campaign) * 100)}%` }} />
      </View>
      <Text className='gb-progress__text' data-testid='progress'>
        {progressText(campaign)}
      </Text>
    </View>
  )
}
