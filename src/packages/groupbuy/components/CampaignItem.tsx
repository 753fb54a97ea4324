import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { CampaignCard } from '@contracts/groupbuy.contract'
import { Cover } from './Cover'
import { Progress } from './Progress'
import { detailUrl, yuan } from './labels'

const STATUS_TAG: Record<CampaignCard['status'], string> = { draft: '未发布', open: '进行中', closing: '结算中', closed: '已结束' }

/** One campaign in the list: picture, title, price from, formation progress, deadline state. */
export function CampaignItem({ campaign, serverNow }: { campaign: CampaignCard; serverNow: number }) {
  const ended = campaign.status !== 'open' || Date.parse(campaign.deadline) <= serverNow
  return (
    <View className='card gb-item' data-testid='campaign-item' onClick={() => void Taro.navigateTo({ url: detailUrl(campaign.campaignId) })}>
      <Cover className='gb-item__cover' url={campaign.coverUrl} title={campaign.title} />
      <View className='gb-item__body'>
        <View className='gb-item__head'>
          <Text className='gb-item__title'>{campaign.title}</Text>
          <Text className={`gb-tag${ended ? ' gb-tag--ended' : ''}`}>{ended && campaign.status === 'open' ? '已截止' : STATUS_TAG[campaign.status]}</Text>
        </View>
        <Text className='gb-item__price'>
          {yuan(campaign.priceFromFen)}
          <Text className='gb-item__from'> 起{campaign.mode === 'presale' ? ' · 预售' : ''}</Text>
        </Text>
        <Progress campaign={campaign} />
        {campaign.soldOut && !ended && <Text className='gb-item__soldout'>已售罄</Text>}
      </View>
    </View>
  )
}
