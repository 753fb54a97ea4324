import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { householdsContract } from '@contracts/households.contract'
import { useFnQuery } from '@/hooks/use-fn-query'
import { PageState } from '@/components/PageState'
import { NoticeCard } from './NoticeCard'
import { withStaffHome } from './with-staff-home'
import './index.scss'

const BIND_URL = '/packages/households/pages/bind/index'

/** 首页: the caller's community and its notices (pinned first, as the function orders them). */
function HomePage() {
  const q = useFnQuery(householdsContract, 'notices', {})
  usePullDownRefresh(() => {
    void q.reload().finally(() => Taro.stopPullDownRefresh())
  })
  const community = q.data?.community
  const notices = q.data?.notices ?? []

  return (
    <View className='home-page'>
      <View className='home-hero'>
        <Text className='home-hero__name'>{community?.name ?? '阳光社区'}</Text>
        <Text className='home-hero__hint'>{community ? '物业服务中心 为您服务' : '绑定房屋后查看本小区的公告与服务'}</Text>
      </View>
      <Text className='section-title'>小区公告</Text>
      <PageState
        loading={q.loading}
        error={q.error}
        hasData={!!q.data}
        onRetry={() => void q.reload()}
        empty={!!q.data && notices.length === 0}
        emptyText={community ? '暂无公告' : '还没有绑定房屋，绑定后可查看小区公告'}
        emptyAction={
          community ? undefined : (
            <Button type='primary' size='small' onClick={() => void Taro.navigateTo({ url: BIND_URL })}>
              去绑定
            </Button>
          )
        }
      >
        <View className='notice-list'>
          {notices.map((n) => (
            <NoticeCard key={n.id} notice={n} />
          ))}
        </View>
      </PageState>
    </View>
  )
}

export default withStaffHome(HomePage)
