import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { merchantsContract } from '@contracts/merchants.contract'
import type { ActionOutput } from '@contracts/envelope'
import { useFnQuery } from '@/hooks/use-fn-query'
import { useFnMutation } from '@/hooks/use-fn-mutation'
import { PageState } from '@/components/PageState'
import { MonthSwitcher } from '@/components/figures/MonthSwitcher'
import { currentMonth } from '@/services/format'
import { yuan } from '@/services/format'

type Exported = ActionOutput<typeof merchantsContract, 'exportReport'>

/** 商户月报: GMV, refunds, 扣点, net payable and invoices per merchant; CSV into cloud storage like the ops dashboard. */
export function MerchantReport({ communityId }: { communityId: string }) {
  const [month, setMonth] = useState(currentMonth())
  const q = useFnQuery(merchantsContract, 'report', { communityId, month })
  const exp = useFnMutation(merchantsContract, 'exportReport')
  const [file, setFile] = useState<Exported>()
  const open = (f: Exported) => {
    if (process.env.TARO_ENV === 'h5') window.open(f.url, '_blank')
    else void Taro.setClipboardData({ data: f.url })
  }
  return (
    <>
      <MonthSwitcher month={month} onChange={setMonth} />
      <PageState loading={q.loading} error={q.error} hasData={!!q.data} empty={!!q.data && q.data.rows.length === 0} emptyText='本小区还没有入驻商户' onRetry={() => void q.reload()}>
        {q.data?.rows.map((r) => (
          <View key={r.merchantId} className='mc-card' data-testid='report-row' data-merchant-id={r.merchantId}>
            <View className='mc-card__row'>
              <Text className='mc-card__title'>{r.name}</Text>
              <Text className={`mc-tag ${r.settled ? 'mc-tag--ok' : 'mc-tag--wait'}`}>{r.settled ? '已结算' : '未结算'}</Text>
            </View>
            <View className='mc-card__money'>
              <Text>{`${r.orders} 单 · GMV ${yuan(r.gmvFen)}`}</Text>
              <Text>{`退款 ${yuan(r.refundFen)}`}</Text>
              <Text>{`扣点 ${yuan(r.commissionFen)}`}</Text>
              {r.viaSharingFen !== 0 && <Text>{`已通过分账 ${yuan(r.viaSharingFen)}`}</Text>}
            </View>
            <View className='mc-card__money'>
              <Text className={r.netPayableFen < 0 ? 'mc-card__neg' : 'mc-card__strong'}>{`${r.settled ? '应付' : '预计应付'} ${yuan(r.netPayableFen)}`}</Text>
              <Text>{`发票 待开 ${r.invoicesRequested} · 已开 ${r.invoicesIssued}`}</Text>
            </View>
          </View>
        ))}
        <View className='mc-card__actions'>
          <Button size='small' fill='outline' loading={exp.busy} onClick={() => void exp.run({ communityId, month }).then((f) => f && setFile(f))} data-testid='export-csv'>
            导出 CSV
          </Button>
        </View>
        {file && (
          <View className='mc-card' data-testid='csv-file' data-url={file.url}>
            <Text className='mc-card__meta'>{`${file.fileName}（${file.rows} 行，已存入云存储 exports/merchants/）`}</Text>
            <Text className='mc-link' onClick={() => open(file)}>
              {process.env.TARO_ENV === 'h5' ? '下载 CSV ›' : '复制下载链接 ›'}
            </Text>
          </View>
        )}
        <Text className='mc-note'>GMV：本月支付的订单；扣点与应付：本月完成的销售减去本月退款；已通过微信分账付给商户的部分不再计入应付；结算后发生的退款计入下月对账单。</Text>
      </PageState>
    </>
  )
}
