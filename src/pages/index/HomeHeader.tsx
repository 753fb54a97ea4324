import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { householdsContract, type MeOutput } from '@contracts/households.contract'
import { useFnQuery } from '@/hooks/use-fn-query'
import { useFnMutation } from '@/hooks/use-fn-mutation'
import { useReloadOnReturn } from '@/hooks/use-reload-on-return'
import { ArrowDownIcon, BellIcon } from '@/components/icons'
import { toastOk } from '@/services/toast'
import { MEMBER_ROLE_LABEL } from '../mine/labels'
import { greeting, HOME_LINKS } from './home-links'

/** Unread messages on the bell; "99+" past 99 (the server caps the count). */
function InboxBell() {
  const q = useFnQuery(householdsContract, 'inbox', { limit: 1 })
  useReloadOnReturn(q.reload)
  const unread = q.data?.unread ?? 0
  return (
    <View className='home-bell' data-testid='home-inbox' aria-label={`消息中心，${unread} 条未读`} onClick={() => void Taro.navigateTo({ url: HOME_LINKS.inbox })}>
      <BellIcon size={22} color='#fff' />
      {unread > 0 && <Text className='home-bell__badge' data-testid='inbox-badge'>{unread > 99 ? '99+' : unread}</Text>}
    </View>
  )
}

/**
 * The top of the home page: community, the current house (tap to switch when there are several), a
 * greeting and the 消息中心 bell. `onSwitched` reloads what depends on the current house.
 */
export function HomeHeader({ me, onSwitched }: { me: MeOutput | undefined; onSwitched: () => void }) {
  const current = me?.households.find((h) => h.householdId === me.currentHouseholdId) ?? me?.households[0]
  const switchTo = useFnMutation(householdsContract, 'switchHousehold')
  const pickHouse = async () => {
    if (!me || me.households.length === 0) return void Taro.navigateTo({ url: HOME_LINKS.bind })
    if (me.households.length === 1) return void Taro.navigateTo({ url: HOME_LINKS.households })
    const res = await Taro.showActionSheet({ itemList: me.households.map((h) => h.label) }).catch(() => null)
    const chosen = res ? me.households[res.tapIndex] : undefined
    if (!chosen || chosen.householdId === current?.householdId) return
    if (await switchTo.run({ householdId: chosen.householdId })) {
      toastOk('已切换')
      onSwitched()
    }
  }
  return (
    <View className='home-header'>
      <View className='home-header__top'>
        <Text className='home-header__community'>{current?.communityName ?? '阳光社区'}</Text>
        <InboxBell />
      </View>
      <View className='home-header__house' data-testid='home-house' onClick={() => void pickHouse()}>
        <Text className='home-header__house-label'>{current ? `${current.building}${current.unit}${current.room}` : '绑定我的房屋'}</Text>
        <ArrowDownIcon size={12} color='#fff' />
      </View>
      <Text className='home-header__greeting'>
        {current ? `${greeting()}，${MEMBER_ROLE_LABEL[current.role]}` : `${greeting()}，欢迎来到社区`}
        {me && me.households.length > 1 ? ` · 共 ${me.households.length} 套房屋` : ''}
      </Text>
    </View>
  )
}
