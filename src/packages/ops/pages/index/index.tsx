import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import './index.scss'

/** Ops entry: the business dashboard; everything else ops do runs as console events (docs/ops.md). */
export default function OpsIndexPage() {
  return (
    <View className='ops-hub'>
      <View className='card ops-hub__tool' onClick={() => void Taro.navigateTo({ url: '/packages/ops/pages/dashboard/index' })}>
        <Text className='ops-hub__title'>经营数据</Text>
        <Text className='ops-hub__note'>订单数、客单价、复购率、首单转化率、渗透率：按小区、管家、网格和月份</Text>
      </View>
    </View>
  )
}
