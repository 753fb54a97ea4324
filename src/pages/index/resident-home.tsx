import { useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { householdsContract } from '@contracts/households.contract'
import { useFnQuery } from '@/hooks/use-fn-query'
import { PageState } from '@/components/PageState'
import { HomeHeader } from './HomeHeader'
import { ShortcutGrid } from './ShortcutGrid'
import { DueBanner } from './DueBanner'
import { NoticeSection } from './NoticeSection'
import { OpenGroupbuys } from './OpenGroupbuys'
import { UpcomingEvents } from './UpcomingEvents'
import { OpenPolls } from './OpenPolls'
import { HOME_LINKS } from './home-links'

/**
 * A resident's first screen (住这儿 / 龙湖U享家 style): the house and a greeting, the front-door
 * services, what is due, notices, group buys open now. Each section loads its own data so a slow or
 * failed one never blanks the others; pull-to-refresh reloads them all.
 */
export function ResidentHome() {
  const me = useFnQuery(householdsContract, 'me', {})
  const [refreshKey, setRefreshKey] = useState(0)
  const refresh = () => {
    setRefreshKey((k) => k + 1)
    return me.reload()
  }
  usePullDownRefresh(() => void refresh().finally(() => Taro.stopPullDownRefresh()))
  const current = me.data?.households.find((h) => h.householdId === me.data?.currentHouseholdId) ?? me.data?.households[0]

  return (
    <View className='home-page'>
      <HomeHeader me={me.data} onSwitched={() => void refresh()} />
      <PageState loading={me.loading} error={me.error} hasData={!!me.data} onRetry={() => void me.reload()}>
        <ShortcutGrid />
        {current && <DueBanner householdId={current.householdId} refreshKey={refreshKey} />}
        {me.data && !current && (
          <View className='card home-bind' data-testid='home-bind'>
            <Text className='home-bind__title'>绑定房屋，开启社区服务</Text>
            <Text className='home-bind__text'>绑定后可在线缴物业费、报修、手机开门、参加社区团购</Text>
            <Button type='primary' className='home-bind__action' onClick={() => void Taro.navigateTo({ url: HOME_LINKS.bind })}>
              去绑定
            </Button>
          </View>
        )}
        {current && <NoticeSection refreshKey={refreshKey} />}
        {current && <UpcomingEvents refreshKey={refreshKey} />}
        {current && <OpenGroupbuys refreshKey={refreshKey} />}
        {current && <OpenPolls refreshKey={refreshKey} />}
      </PageState>
    </View>
  )
}
