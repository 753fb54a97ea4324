import { useState } from 'react'
import { Image, Swiper, SwiperItem, Text, View } from '@tarojs/components'
import { Cover } from './Cover'
import { imageSrc } from './labels'

/** The campaign's pictures, swipeable with a "1/3" counter; a drawn placeholder when there are none. */
export function Gallery({ urls, title }: { urls: string[]; title: string }) {
  const [index, setIndex] = useState(0)
  if (urls.length === 0) return <Cover className='gb-gallery' url={null} title={title} />
  return (
    <View className='gb-gallery' data-testid='gallery'>
      <Swiper className='gb-gallery__swiper' circular autoplay={false} onChange={(e) => setIndex(e.detail.current)}>
        {urls.map((u) => (
          <SwiperItem key={u}>
            <Image className='gb-gallery__img' src={imageSrc(u)} mode='aspectFill' />
          </SwiperItem>
        ))}
      </Swiper>
      {urls.length > 1 && (
        <Text className='gb-gallery__count'>
          {index + 1}/{urls.length}
        </Text>
      )}
    </View>
  )
}
