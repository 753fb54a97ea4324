import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { PageState } from '@/components/PageState'
import { useAccessLog } from '../../hooks/use-access-log'
import { CHANNEL_LABEL, resultLabel, shortTime } from '../../components/labels'
import './index.scss'

/** 我的通行记录: every open I attempted, allowed or not, with the reason. */
export default function AccessLogPage() {
  const log = useAccessLog()
  usePullDownRefresh(() => {
    void log.reload().finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => void log.loadMore())
  return (
    <View className='log-page'>
      <PageState loading={log.loading} error={log.error} hasData={log.items.length > 0} empty={!log.loading && log.items.length === 0} emptyText='还没有通行记录' onRetry={() => void log.reload()}>
        <View className='card log-list'>
          {log.items.map((e) => (
            <View key={e.id} className={`log-item log-item--${e.result}`}>
              <View className='log-item__main'>
                <Text className='log-item__door'>{e.doorName}</Text>
                <Text className='log-item__meta'>{`${shortTime(e.at)} · ${CHANNEL_LABEL[e.channel]}`}</Text>
              </View>
              <Text className='log-item__result'>{resultLabel(e)}</Text>
            </View>
          ))}
        </View>
        <Text className='log-page__more'>{log.loading ? '加载中…' : log.hasMore ? '上拉加载更多' : '没有更多了'}</Text>
      </PageState>
    </View>
  )
}
