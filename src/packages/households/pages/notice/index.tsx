import { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { householdsContract } from '@contracts/households.contract'
import { useFnQuery } from '@/hooks/use-fn-query'
import { PageState } from '@/components/PageState'
import { dateTime } from '@/services/format'
import '../../components/messages/messages.scss'

/** 公告详情: the whole text, who it is for and when it was posted. */
export default function NoticePage() {
  const { params } = useRouter()
  const q = useFnQuery(householdsContract, 'notice', { id: params.id ?? '' })
  const n = q.data?.notice
  return (
    <View className='msg-page'>
      <PageState loading={q.loading} error={q.error} hasData={!!n} onRetry={() => void q.reload()}>
        {n && (
          <View className='card notice-detail' data-testid='notice-detail'>
            <Text className='notice-detail__title'>{n.title}</Text>
            <View className='notice-detail__meta'>
              {n.pinned && <Text className='notice-tag'>置顶</Text>}
              <Text className='notice-tag notice-tag--scope'>{n.scope ?? '全体住户'}</Text>
              <Text className='notice-detail__time'>{`物业服务中心 · ${dateTime(n.publishedAt)}`}</Text>
            </View>
            <Text className='notice-detail__body'>{n.body}</Text>
          </View>
        )}
      </PageState>
    </View>
  )
}
