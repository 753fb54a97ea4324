import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { householdsContract } from '@contracts/households.contract'
import { useFnQuery } from '@/hooks/use-fn-query'
import { PageState } from '@/components/PageState'
import { NoticeCard } from './NoticeCard'
import { HOME_LINKS } from './home-links'

/** 社区公告 on the home page: the three that matter now (pinned first); the rest under 全部. */
export function NoticeSection({ refreshKey }: { refreshKey: number }) {
  const q = useFnQuery(householdsContract, 'notices', { limit: 3 }, [refreshKey])
  if (q.data && !q.data.community) return null
  return (
    <View className='home-section'>
      <View className='home-section__head'>
        <Text className='home-section__title'>社区公告</Text>
        <Text className='home-section__more' data-testid='notices-more' onClick={() => void Taro.navigateTo({ url: HOME_LINKS.notices })}>
          全部公告 ›
        </Text>
      </View>
      <PageState loading={q.loading} error={q.error} hasData={!!q.data} empty={q.data?.items.length === 0} emptyText='暂无公告' onRetry={() => void q.reload()}>
        <View className='notice-list'>
          {q.data?.items.map((n) => (
            <NoticeCard key={n.id} notice={n} />
          ))}
        </View>
      </PageState>
    </View>
  )
}
