import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import './index.scss'

/** Ops entry: the business dashboard; everything else ops do runs as console events (docs/ops.md). */
export default function OpsIndexPage() {
  return (
    <View className='ops-hub'>
      <View className='card ops-hub__tool' onClick={() => void Taro.navigateTo({ url: '/packages/ops/pages/dashboard/index' })}>
        <Text className='ops-hub__title'>经营数据</Text>
        <Text className='ops-hub__note'>收缴率、报修与满意度、团购 GMV、客单价、渗透率：按小区、网格、管家和月份，可导出 CSV</Text>
      </View>
    </View>
  )
}
