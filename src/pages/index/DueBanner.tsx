import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { feesContract } from '@contracts/fees.contract'
import { useFnQuery } from '@/hooks/use-fn-query'
import { useReloadOnReturn } from '@/hooks/use-reload-on-return'
import { yuan } from '@/services/format'
import { HOME_LINKS } from './home-links'

/** What the banner says: the amount due and, when some of it is late, how many bills and how late. */
export function dueSummary(households: { items: { bills: { overdueDays: number }[] }[] }[]) {
  const bills = households.flatMap((h) => h.items.flatMap((i) => i.bills))
  const overdue = bills.filter((b) => b.overdueDays > 0)
  return { count: bills.length, overdue: overdue.length, maxOverdueDays: Math.max(0, ...overdue.map((b) => b.overdueDays)) }
}

/** 待缴 ¥597.00 · 1 笔已逾期 18 天 → 去缴费. Absent when nothing is due (no nagging). */
export function DueBanner({ householdId, refreshKey }: { householdId: string; refreshKey: number }) {
  const q = useFnQuery(feesContract, 'unpaid', { householdId }, [householdId, refreshKey])
  // Back from paying: the banner must not ask for money already paid.
  useReloadOnReturn(q.reload)
  if (!q.data || q.data.totalFen === 0) return null
  const s = dueSummary(q.data.households)
  return (
    <View className={`card due-banner${s.overdue ? ' due-banner--late' : ''}`} data-testid='due-banner' onClick={() => void Taro.navigateTo({ url: `${HOME_LINKS.fees}?householdId=${householdId}` })}>
      <View className='due-banner__main'>
        <Text className='due-banner__label'>待缴物业费用</Text>
        <Text className='due-banner__amount' data-testid='due-amount'>{yuan(q.data.totalFen)}</Text>
        <Text className='due-banner__note' data-testid='due-note'>
          {s.overdue ? `${s.overdue} 笔已逾期 ${s.maxOverdueDays} 天，请尽快缴纳` : `共 ${s.count} 笔，按时缴纳免滞纳金`}
        </Text>
      </View>
      <View className='due-banner__action'>
        <Text>去缴费</Text>
      </View>
    </View>
  )
}
