import { View, Text, Image } from '@tarojs/components'
import { imageSrc } from './labels'

/** A campaign picture, or a drawn placeholder (first character of the title) when there is none. */
export function Cover({ url, title, className }: { url: string | null; title: string; className: string }) {
  if (url) return <Image className={className} src={imageSrc(url)} mode='aspectFill' />
  return (
    <View className={`${className} gb-cover--placeholder`}>
      <Text className='gb-cover__glyph'>{[...title.trim()][0] ?? '团'}</Text>
    </View>
  )
}
