import { Text, View } from '@tarojs/components'
import type { SkuDraft } from './campaign-draft'
import { AreaField, TextField } from './FormFields'
import { PhotoPick } from './PhotoPick'

/** One SKU of the create form: photo, name, group price and 划线价, stock, per-household limit, spec, origin, detail. */
export function SkuEditor({ sku, index, onChange, onRemove }: { sku: SkuDraft; index: number; onChange: (s: SkuDraft) => void; onRemove?: () => void }) {
  const set = <K extends keyof SkuDraft>(k: K) => (v: SkuDraft[K]) => onChange({ ...sku, [k]: v })
  return (
    <View className='card gbf-sku' data-testid='sku-editor'>
      <View className='gbf-sku__head'>
        <Text className='gbf-sku__no'>商品 {index + 1}</Text>
        {onRemove ? (
          <Text className='gbf-sku__remove' onClick={onRemove}>
            删除
          </Text>
        ) : null}
      </View>
      <View className='gbf-sku__top'>
        <PhotoPick path={sku.photo} onChange={set('photo')} label='商品照片' testId='sku-photo' />
        <View className='gbf-sku__main'>
          <TextField label='名称' value={sku.title} onChange={set('title')} placeholder='如 赣南脐橙 5斤装' maxlength={30} testId='sku-title' />
          <TextField label='团购价' value={sku.price} onChange={set('price')} placeholder='元' type='digit' testId='sku-price' />
        </View>
      </View>
      <TextField label='划线价' value={sku.originalPrice} onChange={set('originalPrice')} placeholder='原价，元（可不填）' type='digit' testId='sku-original' />
      <View className='gbf-pair'>
        <TextField label='库存' value={sku.stock} onChange={set('stock')} type='number' testId='sku-stock' />
        <TextField label='每户限购' value={sku.limit} onChange={set('limit')} type='number' testId='sku-limit' />
      </View>
      <View className='gbf-pair'>
        <TextField label='规格' value={sku.spec} onChange={set('spec')} placeholder='如 5斤装' />
        <TextField label='产地' value={sku.origin} onChange={set('origin')} placeholder='如 江西赣州' maxlength={30} />
      </View>
      <AreaField label='详情' value={sku.detail} onChange={set('detail')} placeholder='口感、保存方法、售后说明' />
    </View>
  )
}
