import { Text, View } from '@tarojs/components'
import { groupbuyContract } from '@contracts/groupbuy.contract'
import { useFnQuery } from '@/hooks/use-fn-query'
import { dateTime } from '@/services/format'

const KIND = { created: '创建', published: '发布', extended: '延长', closed_early: '提前截止' } as const

/** 变更记录 of one campaign: what changed, why, who, when (Beijing time), newest first. */
export function ChangeLog({ campaignId, version }: { campaignId: string; version: number }) {
  const q = useFnQuery(groupbuyContract, 'campaignChanges', { campaignId }, [campaignId, version])
  if (q.loading && !q.data) return <Text className='gbm-log__when'>加载变更记录…</Text>
  if (q.error) return <Text className='gbm-log__why'>{q.error.message}</Text>
  return (
    <View className='gbm-log' data-testid='change-log'>
      {(q.data?.changes ?? []).map((c, i) => (
        <View key={`${c.at}-${i}`} className='gbm-log__row' data-testid='change-row'>
          <Text className='gbm-log__what'>
            【{KIND[c.kind]}】{c.summary}
          </Text>
          {c.kind !== 'created' && <Text className='gbm-log__why'>原因：{c.reason}</Text>}
          <Text className='gbm-log__when'>
            {c.byName} · {dateTime(c.at)}
          </Text>
        </View>
      ))}
    </View>
  )
}
