import { Text, View } from '@tarojs/components'
import { yuan } from './labels'

/** The group price in red, the usual price struck through beside it (划线价), when there is one. */
export function PriceTag({ priceFen, originalFen, suffix, size = 'md' }: { priceFen: number; originalFen?: number | null; suffix?: string; size?: 'md' | 'lg' }) {
  return (
    <View className={`gb-price gb-price--${size}`}>
      <Text className='gb-price__now'>{yuan(priceFen)}</Text>
      {suffix && <Text className='gb-price__suffix'>{suffix}</Text>}
      {originalFen && originalFen > priceFen ? (
        <Text className='gb-price__was' data-testid='original-price'>
          {yuan(originalFen)}
        </Text>
      ) : null}
    </View>
  )
}
