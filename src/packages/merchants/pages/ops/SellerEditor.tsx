import { useState } from 'react'
import { View, Text, Input, Picker } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { merchantsContract, type ListingRow, type MerchantView } from '@contracts/merchants.contract'
import { useFnMutation } from '@/hooks/use-fn-mutation'
import { toastOk } from '@/services/toast'
import { LISTING_KIND_LABEL, parseRate, ratePct } from '../../components/merchant-labels'

/** One campaign or service: who sells it and at what 扣点; a rate other than the merchant's default needs a reason. */
export function SellerEditor({ communityId, row, merchants, onDone }: { communityId: string; row: ListingRow; merchants: MerchantView[]; onDone: () => void }) {
  const active = merchants.filter((m) => m.status === 'active')
  const options = [{ merchantId: null as string | null, name: '物业公司（自营）', defaultRateBp: 10_000 }, ...active]
  const [index, setIndex] = useState(Math.max(0, options.findIndex((o) => o.merchantId === row.seller.merchantId)))
  const chosen = options[index]
  const [rate, setRate] = useState(row.seller.merchantId === chosen.merchantId ? String(row.rateBp / 100) : String(chosen.defaultRateBp / 100))
  const [reason, setReason] = useState(row.rateReason ?? '')
  const save = useFnMutation(merchantsContract, 'setSeller')
  const rateBp = chosen.merchantId ? parseRate(rate) : 10_000
  const needsReason = !!chosen.merchantId && rateBp !== null && rateBp !== chosen.defaultRateBp
  const submit = async () => {
    if (rateBp === null) return
    const out = await save.run({ communityId, kind: row.kind, refId: row.refId, merchantId: chosen.merchantId, ...(chosen.merchantId ? { rateBp, ...(needsReason ? { rateReason: reason } : {}) } : {}) })
    if (out) {
      toastOk('已保存，之后支付的订单按新设置分账')
      onDone()
    }
  }
  return (
    <View className='mc-form' data-testid='seller-editor'>
      <View className='mc-form__row'>
        <Text className='mc-form__label'>卖方</Text>
        <Picker mode='selector' range={options.map((o) => o.name)} value={index} onChange={(e) => {
          const i = Number(e.detail.value)
          setIndex(i)
          setRate(String(options[i].defaultRateBp / 100))
        }}>
          <View className='mc-form__picker' data-testid='seller-picker'>{chosen.name}</View>
        </Picker>
      </View>
      {chosen.merchantId && (
        <View className='mc-form__row'>
          <Text className='mc-form__label'>{`扣点（%），商户默认 ${ratePct(chosen.defaultRateBp)}`}</Text>
          <Input className='mc-form__input' value={rate} maxlength={6} onInput={(e) => setRate(e.detail.value)} data-testid='seller-rate' />
        </View>
      )}
      {needsReason && (
        <View className='mc-form__row'>
          <Text className='mc-form__label'>调整原因（必填）</Text>
          <Input className='mc-form__input' value={reason} maxlength={60} onInput={(e) => setReason(e.detail.value)} data-testid='seller-reason' />
        </View>
      )}
      <View className='mc-card__actions'>
        <Button size='small' type='primary' disabled={rateBp === null || (needsReason && !reason.trim())} loading={save.busy} onClick={() => void submit()} data-testid='seller-save'>
          {`保存${LISTING_KIND_LABEL[row.kind]}卖方`}
        </Button>
      </View>
    </View>
  )
}
