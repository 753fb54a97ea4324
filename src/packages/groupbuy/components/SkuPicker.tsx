import { View, Text } from '@tarojs/components'
import type { SkuView } from '@contracts/groupbuy.contract'
import { yuan } from './labels'

export type Picked = Record<string, number>

/** Each SKU with a − n + stepper, bounded by what is left and the per-household limit. */
export function SkuPicker({ skus, picked, onChange, disabled }: { skus: SkuView[]; picked: Picked; onChange: (next: Picked) => void; disabled: boolean }) {
  const set = (sku: SkuView, n: number) => onChange({ ...picked, [sku.skuId]: Math.max(0, Math.min(n, maxOf(sku))) })
  return (
    <View className='gb-skus'>
      {skus.map((sku) => {
        const n = picked[sku.skuId] ?? 0
        const max = maxOf(sku)
        return (
          <View key={sku.skuId} className='gb-sku' data-testid='sku'>
            <View className='gb-sku__text'>
              <Text className='gb-sku__title'>{sku.title}</Text>
              <Text className='gb-sku__meta'>
                {sku.remaining > 0 ? `剩 ${sku.remaining} 份` : '已售罄'} · 每户限 {sku.limitPerHousehold} 份
              </Text>
              <Text className='gb-sku__price'>{yuan(sku.priceFen)}</Text>
            </View>
            <View className='gb-stepper'>
              <View className={`gb-stepper__btn${disabled || n <= 0 ? ' gb-stepper__btn--off' : ''}`} data-testid='sku-minus' onClick={() => !disabled && set(sku, n - 1)}>
                <Text>−</Text>
              </View>
              <Text className='gb-stepper__value' data-testid='sku-count'>
                {n}
              </Text>
              <View className={`gb-stepper__btn${disabled || n >= max ? ' gb-stepper__btn--off' : ''}`} data-testid='sku-plus' onClick={() => !disabled && set(sku, n + 1)}>
                <Text>+</Text>
              </View>
            </View>
          </View>
        )
      })}
    </View>
  )
}

function maxOf(sku: SkuView): number {
  return Math.min(sku.remaining, sku.limitPerHousehold)
}

export function totalOf(skus: SkuView[], picked: Picked): number {
  return skus.reduce((sum, s) => sum + s.priceFen * (picked[s.skuId] ?? 0), 0)
}
