import { View, Text } from '@tarojs/components'
import './coming-soon.scss'

export interface ComingSoonProps {
  title: string
  /** What the area will offer, in a resident's words. */
  offers: string[]
  /** The issue that builds it, e.g. "#6". */
  issue: string
}

/** Landing page of a subpackage whose feature is still being built: says what will be here and when. */
export function ComingSoon({ title, offers, issue }: ComingSoonProps) {
  return (
    <View className='coming-soon'>
      <Text className='coming-soon__title'>{title}</Text>
      <Text className='coming-soon__badge'>即将上线（开发中：{issue}）</Text>
      <View className='coming-soon__list'>
        {offers.map((o) => (
          <Text key={o} className='coming-soon__item'>
            · {o}
          </Text>
        ))}
      </View>
    </View>
  )
}

export default ComingSoon
