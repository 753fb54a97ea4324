import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { groupbuyContract } from '@contracts/groupbuy.contract'
import { useFnQuery } from '@/hooks/use-fn-query'
import { yuan } from '@/services/format'
import { HOME_LINKS } from './home-links'

/**
 * 严选征集 on the resident home: products neighbours are registering for (no payment yet), and the ones that
 * reached their target and wait for this household's payment. Nothing shown when there are none.
 */
export function OpenPolls({ refreshKey }: { refreshKey: number }) {
  const q = useFnQuery(groupbuyContract, 'polls', {}, [refreshKey])
  const items = (q.data?.items ?? []).filter((p) => p.status === 'open' || (p.status === 'sourced' && p.myIntent && p.payBy && Date.parse(p.payBy) > Date.now())).slice(0, 2)
  if (items.length === 0) return null
  return (
    <View className='home-section' data-testid='home-polls'>
      <View className='home-section__head'>
        <Text className='home-section__title'>严选征集</Text>
        <Text className='home-section__more' onClick={() => void Taro.navigateTo({ url: HOME_LINKS.polls })}>
          全部 ›
        </Text>
      </View>
      <View className='card home-gb'>
        {items.map((p) => (
          <View key={p.pollId} className='home-gb__row' onClick={() => void Taro.navigateTo({ url: p.status === 'sourced' && p.campaignId ? HOME_LINKS.campaign(p.campaignId) : HOME_LINKS.polls })}>
            <View className='home-gb__main'>
              <Text className='home-gb__title'>{p.title}</Text>
              <Text className='home-gb__meta'>{p.status === 'sourced' ? '已达成，请按时付款 ›' : `已登记 ${p.households}/${p.targetHouseholds} 户${p.myIntent ? ' · 我已登记' : ' · 登记不付款'}`}</Text>
            </View>
            <Text className='home-gb__price'>{`${yuan(p.targetPriceFen)}`}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
