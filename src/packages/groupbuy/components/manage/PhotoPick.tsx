import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { compressPhoto } from '@/services/image-compress'

/**
 * One product photo: 添加照片 opens the album or camera (WeChat's compressed size), then the picture is shrunk
 * again to a 1080-px long edge before it is kept for upload; tap the thumbnail to replace, × to remove.
 */
export function PhotoPick({ path, onChange, label = '添加照片', testId }: { path: string | null; onChange: (p: string | null) => void; label?: string; testId?: string }) {
  const pick = async () => {
    try {
      const res = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
      const chosen = res.tempFilePaths[0]
      if (chosen) onChange(await compressPhoto(chosen))
    } catch {
      // backed out of the picker: keep what was there
    }
  }
  return (
    <View className='gbf-photo' data-testid={testId}>
      {path ? (
        <View className='gbf-photo__cell'>
          <Image className='gbf-photo__img' src={path} mode='aspectFill' onClick={() => void pick()} />
          <Text className='gbf-photo__remove' onClick={() => onChange(null)}>
            ×
          </Text>
        </View>
      ) : (
        <View className='gbf-photo__cell gbf-photo__add' onClick={() => void pick()}>
          <Text className='gbf-photo__plus'>+</Text>
          <Text className='gbf-photo__hint'>{label}</Text>
        </View>
      )}
    </View>
  )
}
