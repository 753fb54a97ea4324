import { Text, View } from '@tarojs/components'
import type { PickupPreview } from '@contracts/groupbuy.contract'
import { spacedCode } from './labels'

const STATUS = { ready: '待提货', partly_picked: '部分已提', picked_up: '已全部提货' } as const

/**
 * What the steward checks before handing anything over: the household and masked collector, and per SKU
 * how many are left, with a stepper to hand over fewer (partial pickup).
 */
export function PickupPreviewCard({ preview, take, onTake }: { preview: PickupPreview; take: Record<string, number>; onTake: (skuId: string, n: number) => void }) {
  return (
    <View className='card gb-preview' data-testid='pickup-preview'>
      <View className='gb-confirm__row'>
        <Text className='gb-preview__code'>提货码 {spacedCode(preview.code)}</Text>
        <Text className={`gb-preview__status gb-preview__status--${preview.status}`}>{STATUS[preview.status]}</Text>
      </View>
      <Text className='gb-preview__who' data-testid='preview-household'>
        {preview.householdLabel}
      </Text>
      <Text className='gb-detail__text'>提货人：{preview.contact || '—'}</Text>
      <Text className='gb-detail__label'>{preview.campaignTitle}</Text>
      {preview.lines.map((l) => {
        const n = take[l.skuId] ?? 0
        return (
          <View key={l.skuId} className='gb-preview__line' data-testid='preview-line'>
            <View className='gb-preview__line-text'>
              <Text>
                {l.title} × {l.quantity}
              </Text>
              <Text className='gb-sku__meta'>{l.left === 0 ? '已提完' : l.picked > 0 ? `已提 ${l.picked}，待提 ${l.left}` : `待提 ${l.left}`}</Text>
            </View>
            {l.left > 0 && (
              <View className='gb-stepper'>
                <View className={`gb-stepper__btn${n <= 0 ? ' gb-stepper__btn--off' : ''}`} onClick={() => n > 0 && onTake(l.skuId, n - 1)}>
                  <Text>−</Text>
                </View>
                <Text className='gb-stepper__value'>{n}</Text>
                <View className={`gb-stepper__btn${n >= l.left ? ' gb-stepper__btn--off' : ''}`} onClick={() => n < l.left && onTake(l.skuId, n + 1)}>
                  <Text>+</Text>
                </View>
              </View>
            )}
          </View>
        )
      })}
    </View>
  )
}
