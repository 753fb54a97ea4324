import Taro, { useRouter, usePullDownRefresh } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { repairsContract } from '@contracts/repairs.contract'
import { useFnQuery } from '@/hooks/use-fn-query'
import { PageState } from '@/components/PageState'
import { TicketHead } from '../../components/TicketHead'
import { TicketActions } from '../../components/TicketActions'
import { Timeline } from '../../components/Timeline'
import { useReloadOnReturn } from '@/hooks/use-reload-on-return'
import '../../components/repairs.scss'

/** One ticket for whoever may see it: the resident, its technician, the grid's steward or ops. */
export default function TicketDetailPage() {
  const { id = '' } = useRouter().params
  const detail = useFnQuery(repairsContract, 'detail', { ticketId: id })
  useReloadOnReturn(detail.reload)
  usePullDownRefresh(() => {
    void detail.reload().finally(() => Taro.stopPullDownRefresh())
  })
  const t = detail.data
  return (
    <View className='repairs-page ticket-detail'>
      <PageState loading={detail.loading} error={detail.error} hasData={!!t} onRetry={() => void detail.reload()}>
        {t && (
          <>
            <TicketHead t={t} />
            <TicketActions t={t} onChanged={detail.reload} />
            <Text className='section-title'>处理进度</Text>
            <Timeline entries={t.timeline} />
          </>
        )}
      </PageState>
    </View>
  )
}
