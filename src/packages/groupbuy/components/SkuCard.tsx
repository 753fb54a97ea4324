import { useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import type { SkuView } from '@contracts/groupbuy.contract'
import { PriceTag } from './PriceTag'
import { imageSrc } from './labels'

/** One SKU: photo, spec and origin, price with 划线价, sold and left, an expandable detail, a stepper. */
export function SkuCard({ sku, count, onChange, disabled }: { sku: SkuView; count: number; onChange: (n: number) => void; disabled: boolean }) {
  const [open, setOpen] = useState(false)
  const max = Math.min(sku.remaining, sku.limitPerHousehold)
  const set = (n: number) => !disabled && onChange(Math.max(0, Math.min(n, max)))
  return (
    <View className='gb-sku' data-testid='sku'>
      <View className='gb-sku__row'>
        {sku.imageUrl ? <Image className='gb-sku__img' src={imageSrc(sku.imageUrl)} mode='aspectFill' /> : <View className='gb-sku__img gb-cover--placeholder' />}
        <View className='gb-sku__text'>
          <Text className='gb-sku__title'>{sku.title}</Text>
          <Text className='gb-sku__meta'>
            {/* Each part stays whole: a narrow line breaks between 规格 and 产地, never inside 江西赣州. */}
            {[...sku.spec.split(' · '), sku.origin && `产地 ${sku.origin}`].filter(Boolean).map((part, i) => (
              <Text key={i} className='gb-sku__part'>
                {i > 0 ? ' · ' : ''}
                {part}
              </Text>
            ))}
          </Text>
          <Text className='gb-sku__meta'>
            已团 {sku.sold} 件 · {sku.remaining > 0 ? `剩 ${sku.remaining}` : '已售罄'} · 每户限 {sku.limitPerHousehold}
          </Text>
          <View className='gb-sku__bottom'>
            <PriceTag priceFen={sku.priceFen} originalFen={sku.originalPriceFen} />
            <View className='gb-stepper'>
              <View className={`gb-stepper__btn${disabled || count <= 0 ? ' gb-stepper__btn--off' : ''}`} data-testid='sku-minus' onClick={() => set(count - 1)}>
                <Text>−</Text>
              </View>
              <Text className='gb-stepper__value' data-testid='sku-count'>
                {count}
              </Text>
              <View className={`gb-stepper__btn${disabled || count >= max ? ' gb-stepper__btn--off' : ''}`} data-testid='sku-plus' onClick={() => set(count + 1)}>
                <Text>+</Text>
              </View>
            </View>
          </View>
        </View>
      </View>
      {sku.detail && (
        <Text className={`gb-sku__detail${open ? '' : ' gb-sku__detail--clip'}`} onClick={() => setOpen(!open)}>
          {sku.detail}
        </Text>
      )}
    </View>
  )
}
