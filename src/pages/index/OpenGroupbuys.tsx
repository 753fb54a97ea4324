import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { groupbuyContract } from '@contracts/groupbuy.contract'
import { useFnQuery } from '@/hooks/use-fn-query'
import { formatDay, yuan } from '@/services/format'
import { HOME_LINKS } from './home-links'

/** 正在团购: campaigns of the community open right now (nothing shown when there are none). */
export function OpenGroupbuys({ refreshKey }: { refreshKey: number }) {
  const q = useFnQuery(groupbuyContract, 'campaigns', { limit: 6 }, [refreshKey])
  const now = Date.now()
  const open = (q.data?.items ?? []).filter((c) => c.status === 'open' && Date.parse(c.deadline) > now).slice(0, 3)
  if (open.length === 0) return null
  return (
    <View className='home-section' data-testid='home-groupbuys'>
      <View className='home-section__head'>
        <Text className='home-section__title'>正在团购</Text>
        <Text className='home-section__more' onClick={() => void Taro.navigateTo({ url: HOME_LINKS.groupbuy })}>
          更多 ›
        </Text>
      </View>
      <View className='card home-gb'>
        {open.map((c) => (
          <View key={c.campaignId} className='home-gb__row' onClick={() => void Taro.navigateTo({ url: HOME_LINKS.campaign(c.campaignId) })}>
            <View className='home-gb__main'>
              <Text className='home-gb__title'>{c.title}</Text>
              <Text className='home-gb__meta'>{`${c.missing > 0 ? `差 ${c.missing} 户成团` : `已有 ${c.participants} 户参团`} · ${formatDay(c.deadline)}截止`}</Text>
            </View>
            <Text className='home-gb__price'>{`${yuan(c.priceFromFen)}起`}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
