import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { householdsContract, type HouseholdSummary } from '@contracts/households.contract'
import { accessContract } from '@contracts/access.contract'
import { callFn } from '@/services/call-fn'
import { useFnQuery } from '@/hooks/use-fn-query'
import { PageState } from '@/components/PageState'
import { PassCard } from '../../components/PassCard'
import { DoorList } from '../../components/DoorList'
import { toastError, toastOk } from '@/services/toast'
import { useRotatingPass } from '../../hooks/use-rotating-pass'
import './index.scss'

const BIND_URL = '/packages/households/pages/bind/index'
const LINKS = [
  { title: '访客通行证', hint: '邀请亲友，分享后对方可扫码或一键开门', url: '/packages/access/pages/visitors/index' },
  { title: '我的通行记录', hint: '每一次开门，成功或失败', url: '/packages/access/pages/log/index' },
]

function DoorPanel({ household }: { household: HouseholdSummary }) {
  const input = { householdId: household.householdId }
  const doors = useFnQuery(accessContract, 'myDoors', input)
  const rotating = useRotatingPass(() => callFn(accessContract, 'issuePass', input))
  usePullDownRefresh(() => {
    rotating.refresh()
    void doors.reload().finally(() => Taro.stopPullDownRefresh())
  })
  const open = async (door: { doorId: string; name: string }) => {
    try {
      await callFn(accessContract, 'remoteOpen', { doorId: door.doorId, householdId: household.householdId })
      toastOk(`${door.name}已开`)
    } catch (e) {
      toastError(e)
    }
  }
  return (
    <>
      <PassCard title='我的通行码' subtitle={household.label} rotating={rotating} />
      <Text className='section-title'>一键开门</Text>
      <PageState loading={doors.loading} error={doors.error} hasData={!!doors.data} empty={doors.data?.doors.length === 0} emptyText='本小区暂未接入门禁' onRetry={() => void doors.reload()}>
        {doors.data && <DoorList doors={doors.data.doors} onOpen={open} />}
      </PageState>
      <View className='card access-links'>
        {LINKS.map((l) => (
          <View key={l.url} className='access-link' onClick={() => void Taro.navigateTo({ url: l.url })}>
            <View className='access-link__main'>
              <Text className='access-link__title'>{l.title}</Text>
              <Text className='access-link__hint'>{l.hint}</Text>
            </View>
            <Text className='access-link__arrow'>›</Text>
          </View>
        ))}
      </View>
    </>
  )
}

/** 门禁通行: the current home's rotating QR pass, 一键开门 per door, and the way to visitor passes. */
export default function AccessIndexPage() {
  const me = useFnQuery(householdsContract, 'me', {})
  const household = me.data?.households.find((h) => h.householdId === me.data?.currentHouseholdId) ?? me.data?.households[0]
  return (
    <View className='access-page'>
      <PageState
        loading={me.loading}
        error={me.error}
        hasData={!!me.data}
        empty={!!me.data && !household}
        emptyText='绑定房屋后即可使用扫码开门和一键开门'
        emptyAction={
          <Button type='primary' onClick={() => void Taro.navigateTo({ url: BIND_URL })}>
            去绑定
          </Button>
        }
        onRetry={() => void me.reload()}
      >
        {household && <DoorPanel key={household.householdId} household={household} />}
      </PageState>
    </View>
  )
}
