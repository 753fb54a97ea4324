import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import './index.scss'

const TOOLS = [
  { title: '我的业绩', note: '订单、GMV、客单价、佣金与对账单', url: '/packages/steward/pages/dashboard/index' },
  { title: '我的网格', note: '楼栋住户与绑定情况', url: '/packages/households/pages/grid/index' },
  { title: '欠费催缴', note: '网格欠费住户与提醒', url: '/packages/steward/pages/arrears/index' },
  { title: '团购核销', note: '扫码或输入提货码', url: '/packages/groupbuy/pages/pickup/index' },
  { title: '社群运营', note: '群二维码、今日任务', url: '/packages/groups/pages/steward/index' },
  { title: '报修看板', note: '网格工单与满意度', url: '/packages/repairs/pages/steward/index' },
]

/** 管家工作台: the steward's tools in one place. */
export default function StewardIndexPage() {
  return (
    <View className='steward-hub'>
      {TOOLS.map((t) => (
        <View key={t.url} className='card steward-hub__tool' data-testid='steward-tool' onClick={() => void Taro.navigateTo({ url: t.url })}>
          <Text className='steward-hub__title'>{t.title}</Text>
          <Text className='steward-hub__note'>{t.note}</Text>
        </View>
      ))}
    </View>
  )
}
