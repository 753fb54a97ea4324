import { View, Text } from '@tarojs/components'
import { PageState } from '@/components/PageState'
import { accessContract } from '@contracts/access.contract'
import { useFnPaged } from '@/hooks/use-fn-paged'
import { CHANNEL_LABEL, resultLabel, shortTime } from '../../components/labels'
import './index.scss'

/** 我的通行记录: every open I attempted, allowed or not, with the reason. */
export default function AccessLogPage() {
  const log = useFnPaged(accessContract, 'myAccessLog', {}, { limit: 20 })
  return (
    <View className='log-page'>
      <PageState loading={log.loading} error={log.error} hasData={log.loaded} empty={log.loaded && log.items.length === 0} emptyText='还没有通行记录' onRetry={() => void log.reload()}>
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
        <Text className='log-page__more'>{log.loadingMore ? '加载中…' : log.hasMore ? '上拉加载更多' : '没有更多了'}</Text>
      </PageState>
    </View>
  )
}
