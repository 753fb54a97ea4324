import { View, Text } from '@tarojs/components'
import { profilesContract } from '@contracts/profiles.contract'
import { useFnQuery } from '@/hooks/use-fn-query'
import { PageState } from '@/components/PageState'
import { pct } from './segment-label'

const yuan = (fen: number) => `¥${(fen / 100).toFixed(fen % 100 === 0 ? 0 : 2)}`

/** 推送效果: each recent push with sent / opened / ordered, and the totals per segment and per pusher. */
export function RecentPushes({ communityId, version }: { communityId: string; version: number }) {
  const q = useFnQuery(profilesContract, 'conversion', { communityId }, [communityId, version])
  const d = q.data
  return (
    <PageState loading={q.loading && !d} error={q.error} hasData={!!d} empty={!!d && d.pushes.length === 0} emptyText='还没有推送过' onRetry={() => void q.reload()}>
      {d?.pushes.map((p) => (
        <View key={p.pushId} className='card' data-testid='push-row'>
          <Text className='pf-title'>{p.title}</Text>
          <Text className='pf-sub'>
            {p.segmentName} · {p.at.slice(5, 10).replace('-', '月')}日 · 跳过退订 {p.skippedOptOut} · 超频 {p.skippedRateLimit}
          </Text>
          <View className='pf-stats'>
            <View className='pf-stats__cell'>
              <Text className='pf-stats__n'>{p.sent}</Text>
              <Text className='pf-stats__label'>送达</Text>
            </View>
            <View className='pf-stats__cell'>
              <Text className='pf-stats__n'>{pct(p.opened, p.sent)}</Text>
              <Text className='pf-stats__label'>打开 {p.opened}</Text>
            </View>
            <View className='pf-stats__cell'>
              <Text className='pf-stats__n'>{pct(p.ordered, p.sent)}</Text>
              <Text className='pf-stats__label'>下单 {p.ordered}</Text>
            </View>
            <View className='pf-stats__cell'>
              <Text className='pf-stats__n'>{yuan(p.orderFen)}</Text>
              <Text className='pf-stats__label'>成交额</Text>
            </View>
          </View>
        </View>
      ))}
      {d && d.byPusher.length > 0 && (
        <View className='card'>
          <Text className='pf-title'>按推送人</Text>
          {d.byPusher.map((r) => (
            <View key={r.pusher} className='pf-row'>
              <Text>{r.pusher}</Text>
              <Text className='pf-row__muted'>
                送达 {r.sent} · 打开 {pct(r.opened, r.sent)} · 下单 {pct(r.ordered, r.sent)}
              </Text>
            </View>
          ))}
        </View>
      )}
    </PageState>
  )
}
