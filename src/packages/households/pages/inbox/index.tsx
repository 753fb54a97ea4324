import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { householdsContract, type InboxItem } from '@contracts/households.contract'
import { useFnPaged } from '@/hooks/use-fn-paged'
import { useFnMutation } from '@/hooks/use-fn-mutation'
import { PageState } from '@/components/PageState'
import { ListFooter } from '@/components/ListFooter'
import { dateTime } from '@/services/format'
import '../../components/messages/messages.scss'

/**
 * 消息中心: every notice the backend sent me (bills due, repair progress, pickup ready, join requests),
 * newest first. Tapping one marks it read and opens the thing it is about.
 */
export default function InboxPage() {
  const list = useFnPaged(householdsContract, 'inbox', {}, { limit: 20, reloadOnReturn: true })
  const read = useFnMutation(householdsContract, 'inboxRead', { toast: false })
  const unread = list.last?.unread ?? 0

  const open = async (m: InboxItem) => {
    if (!m.read) void read.run({ ids: [m.id] }).then(() => list.reload())
    if (m.page) void Taro.navigateTo({ url: `/${m.page}` })
  }
  const readAll = async () => {
    if (await read.run({ ids: 'all' })) await list.reload()
  }

  return (
    <View className='msg-page'>
      {unread > 0 && (
        <View className='msg-toolbar'>
          <Text className='msg-toolbar__count'>{`${unread > 99 ? '99+' : unread} 条未读`}</Text>
          <Text className='msg-toolbar__action' data-testid='inbox-read-all' onClick={() => void readAll()}>
            全部已读
          </Text>
        </View>
      )}
      <PageState loading={list.loading} error={list.error} hasData={list.loaded} empty={list.loaded && list.items.length === 0} emptyText='还没有消息：账单、报修进度、团购提货都会在这里通知您' onRetry={() => void list.reload()}>
        <View className='card msg-list'>
          {list.items.map((m) => (
            <View key={m.id} className={`msg-item${m.read ? '' : ' msg-item--unread'}`} data-testid='inbox-item' onClick={() => void open(m)}>
              <View className='msg-item__head'>
                {!m.read && <View className='msg-item__dot' />}
                <Text className='msg-item__title'>{m.title}</Text>
                <Text className='msg-item__time'>{dateTime(m.createdAt)}</Text>
              </View>
              <Text className='msg-item__body'>{m.body}</Text>
              {m.page && <Text className='msg-item__link'>查看详情 ›</Text>}
            </View>
          ))}
        </View>
        <ListFooter count={list.items.length} hasMore={list.hasMore} loadingMore={list.loadingMore} />
      </PageState>
    </View>
  )
}
