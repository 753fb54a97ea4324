import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { merchantsContract } from '@contracts/merchants.contract'
import { useFnQuery } from '@/hooks/use-fn-query'
import { PageState } from '@/components/PageState'
import { dateTime, yuan } from '@/services/format'
import { LISTING_KIND_LABEL, ratePct } from '../../components/merchant-labels'
import '../../components/merchants.scss'

function Row({ label, value, strong, testId }: { label: string; value: string; strong?: boolean; testId?: string }) {
  return (
    <View className='mc-split__row'>
      <Text className='mc-split__label'>{label}</Text>
      <Text className={`mc-split__value ${strong ? 'mc-card__strong' : ''}`} data-testid={testId}>
        {value}
      </Text>
    </View>
  )
}

/**
 * 订单分账: how one order's money is shared, as the order itself records it (order.split) — 卖方, 扣点, what
 * the merchant is owed (应结), kept in step with refunds. Merchant staff reach it from their orders; ops
 * from 商户与结算 › 分账, where they also see how the 扣点 divides between the property company and the
 * steward.
 */
export default function OrderSplitPage() {
  const { orderId = '', communityId } = useRouter().params
  const q = useFnQuery(merchantsContract, 'orderSplit', communityId ? { orderId, communityId } : { orderId })
  const s = q.data?.split
  return (
    <View className='mc-page'>
      <PageState loading={q.loading} error={q.error} hasData={!!s} onRetry={() => void q.reload()}>
        {s && (
          <>
            <View className='mc-card'>
              <View className='mc-card__row'>
                <Text className='mc-tag'>{LISTING_KIND_LABEL[s.type]}</Text>
                <Text className='mc-card__title'>{s.title}</Text>
                <Text className='mc-tag mc-tag--ok'>{s.status}</Text>
              </View>
              <Text className='mc-card__meta'>{`订单号 ${s.orderNo ?? s.orderId}${s.paidAt ? ` · ${dateTime(s.paidAt)} 支付` : ''}`}</Text>
            </View>
            <View className='mc-card' data-testid='order-split'>
              <Row label='卖方' value={s.seller.kind === 'merchant' ? s.seller.name : '物业自营'} testId='split-seller' />
              <Row label='扣点' value={s.seller.kind === 'merchant' ? ratePct(s.rateBp) : '全部归物业'} testId='split-rate' />
              {s.rateReason && <Text className='mc-card__meta'>{`调整原因：${s.rateReason}`}</Text>}
              <Row label='实收' value={yuan(s.grossFen)} />
              {s.refundedFen > 0 && <Row label='已退款' value={yuan(s.refundedFen)} />}
              <Row label='扣点金额' value={yuan(s.commissionFen)} />
              <Row label='应结商户' value={yuan(s.merchantFen)} strong testId='split-merchant' />
              {s.propertyFen !== null && <Row label='物业留存' value={yuan(s.propertyFen)} testId='split-property' />}
              {s.stewardFen !== null && <Row label='管家佣金' value={`${yuan(s.stewardFen)}${s.stewardRateBp ? `（${ratePct(s.stewardRateBp)}）` : ''}`} testId='split-steward' />}
            </View>
            <Text className='mc-note'>
              {s.seller.kind === 'merchant'
                ? '应结 = 实收 − 扣点，履约后经微信支付分账到商户的收款账户；退款时按比例回退，各项始终相加等于实收。'
                : '物业自营的订单不分账，实收扣除管家佣金后归物业。'}
            </Text>
          </>
        )}
      </PageState>
    </View>
  )
}
