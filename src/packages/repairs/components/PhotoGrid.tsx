import Taro from '@tarojs/taro'
import { View, Image, Text } from '@tarojs/components'

export const MAX_PHOTOS = 9

/** Shown photos (URLs) with tap-to-preview; or, when `onAdd` is given, a picker grid of local paths. */
export function PhotoGrid({ urls, onAdd, onRemove }: { urls: string[]; onAdd?: () => void; onRemove?: (index: number) => void }) {
  return (
    <View className='photo-grid'>
      {urls.map((src, i) => (
        <View key={`${src}-${i}`} className='photo-grid__cell'>
          <Image className='photo-grid__image' src={src} mode='aspectFill' onClick={() => void Taro.previewImage({ urls, current: src })} />
          {onRemove && (
            <Text className='photo-grid__remove' onClick={() => onRemove(i)}>
              ×
            </Text>
          )}
        </View>
      ))}
      {onAdd && urls.length < MAX_PHOTOS && (
        <View className='photo-grid__cell photo-grid__add' onClick={onAdd}>
          <Text className='photo-grid__plus'>+</Text>
          <Text className='photo-grid__hint'>{urls.length}/{MAX_PHOTOS}</Text>
        </View>
      )}
    </View>
  )
}

/** Lets the user pick photos from album or camera; returns their local paths (none when they back out). */
export async function pickPhotos(already: number): Promise<string[]> {
  try {
    const res = await Taro.chooseImage({ count: MAX_PHOTOS - already, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
    return res.tempFilePaths.slice(0, MAX_PHOTOS - already)
  } catch {
    return []
  }
}
