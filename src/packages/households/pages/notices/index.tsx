import { View } from '@tarojs/components'
import { householdsContract } from '@contracts/households.contract'
import { useFnPaged } from '@/hooks/use-fn-paged'
import { PageState } from '@/components/PageState'
import { ListFooter } from '@/components/ListFooter'
import { NoticeRow } from '../../components/messages/NoticeRow'
import '../../components/messages/messages.scss'

/** 社区公告: pinned (while still relevant) first, then the history, newest first. */
export default function NoticesPage() {
  const list = useFnPaged(householdsContract, 'notices', {}, { limit: 20 })
  const unbound = list.loaded && !list.last?.community
  return (
    <View className='msg-page'>
      <PageState loading={list.loading} error={list.error} hasData={list.loaded} empty={list.loaded && list.items.length === 0} emptyText={unbound ? '绑定房屋后可查看小区公告' : '暂无公告'} onRetry={() => void list.reload()}>
        {list.items.map((n) => (
          <NoticeRow key={n.id} notice={n} />
        ))}
        <ListFooter count={list.items.length} hasMore={list.hasMore} loadingMore={list.loadingMore} />
      </PageState>
    </View>
  )
}
