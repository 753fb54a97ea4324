import { Text, View } from '@tarojs/components'
import { merchantsContract } from '@contracts/merchants.contract'
import { useFnQuery } from '@/hooks/use-fn-query'
import { Field, TextField } from './FormFields'
import { chooseMerchant, percentOf, type SellerDraft } from './seller-draft'

/**
 * 卖方 of the new campaign: 物业自营, or one of the community's merchants (the merchants area's list), whose
 * default 扣点 is filled in; changing it asks why. The choice is saved right after publishing, through the
 * merchants area's setSeller (the same use case ops use on 商户与结算).
 */
export function SellerSlot({ communityId, value, onChange }: { communityId: string; value: SellerDraft; onChange: (d: SellerDraft) => void }) {
  const q = useFnQuery(merchantsContract, 'sellerOptions', { communityId })
  const options = q.data?.merchants ?? []
  const chosen = options.find((o) => o.merchantId === value.merchantId) ?? null
  const changed = chosen !== null && value.ratePercent.trim() !== '' && Math.round(Number(value.ratePercent) * 100) !== chosen.defaultRateBp
  return (
    <>
      <Field label='卖方' hint={q.error ? '商户列表加载失败，可先按物业自营发布' : chosen ? `商户默认扣点 ${percentOf(chosen.defaultRateBp)}%，货款在履约后分账给商户` : '物业公司销售，货款全部归物业'}>
        <View className='gbf-chips' data-testid='seller-picker'>
          <Text className={`gbf-chip ${value.merchantId === null ? 'gbf-chip--on' : ''}`} onClick={() => onChange(chooseMerchant(null))} data-testid='seller-property'>
            物业自营
          </Text>
          {options.map((o) => (
            <Text key={o.merchantId} className={`gbf-chip ${value.merchantId === o.merchantId ? 'gbf-chip--on' : ''}`} onClick={() => onChange(chooseMerchant(o))} data-testid={`seller-${o.merchantId}`}>
              {o.name}
            </Text>
          ))}
        </View>
      </Field>
      {chosen ? (
        <TextField label='扣点 %' value={value.ratePercent} onChange={(ratePercent) => onChange({ ...value, ratePercent })} type='digit' maxlength={6} testId='seller-rate' />
      ) : null}
      {changed ? (
        <TextField label='调整原因' value={value.reason} onChange={(reason) => onChange({ ...value, reason })} maxlength={60} placeholder='如 首发活动，物业承担推广' testId='seller-reason' />
      ) : null}
    </>
  )
}
