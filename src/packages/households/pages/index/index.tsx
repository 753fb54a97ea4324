import { useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { householdsContract } from '@contracts/households.contract'
import { inviteCodeSchema } from '@contracts/households-common.schemas'
import { callFn } from '@/services/call-fn'
import { useFnQuery } from '@/hooks/use-fn-query'
import { PageState } from '@/components/PageState'
import { MEMBER_ROLE_LABEL } from '@/pages/mine/labels'
import { toastError } from '@/services/toast'
import { useReloadOnReturn } from '@/hooks/use-reload-on-return'
import '../../components/households.scss'

const BIND_URL = '/packages/households/pages/bind/index'
const membersUrl = (householdId: string) => `/packages/households/pages/members/index?householdId=${householdId}`

/** 房屋与成员: my homes, which one is current, members of each, bind another, enter an invite code. */
export default function HouseholdsPage() {
  const q = useFnQuery(householdsContract, 'me', {})
  const [code, setCode] = useState('')
  useReloadOnReturn(q.reload)
  usePullDownRefresh(() => void q.reload().finally(() => Taro.stopPullDownRefresh()))
  const me = q.data

  const makeCurrent = async (householdId: string) => {
    try {
      await callFn(householdsContract, 'switchHousehold', { householdId })
      void Taro.showToast({ title: '已切换', icon: 'success' })
      await q.reload()
    } catch (e) {
      toastError(e)
    }
  }
  const openInvite = () => {
    const parsed = inviteCodeSchema.safeParse(code)
    if (!parsed.success) return void Taro.showToast({ title: '请输入 8 位邀请码', icon: 'none' })
    void Taro.navigateTo({ url: `/packages/households/pages/invite/index?code=${parsed.data}` })
  }

  return (
    <View className='hh-page households-page'>
      <PageState loading={q.loading} error={q.error} hasData={!!me} onRetry={() => void q.reload()}>
        {me && (
          <>
            <Text className='section-title'>我的房屋</Text>
            <View className='card' style={{ paddingTop: 0, paddingBottom: 0 }}>
              {me.households.length === 0 && (
                <View className='hh-list-item'>
                  <Text className='hh-list-item__meta'>还没有绑定房屋</Text>
                </View>
              )}
              {me.households.map((h) => {
                const current = h.householdId === me.currentHouseholdId
                return (
                  <View key={h.householdId} className='hh-list-item household-row'>
                    <View className='hh-list-item__main' onClick={() => void Taro.navigateTo({ url: membersUrl(h.householdId) })}>
                      <Text className='hh-list-item__title'>{h.label}</Text>
                      <Text className='hh-list-item__meta'>{`${h.areaM2} m² · 查看成员 ›`}</Text>
                    </View>
                    <View className='hh-list-item__actions'>
                      <Text className={`hh-tag hh-tag--${h.role}`}>{MEMBER_ROLE_LABEL[h.role]}</Text>
                      {current ? (
                        <Text className='hh-tag hh-tag--current'>当前</Text>
                      ) : (
                        <Button className='hh-small-button' size='small' onClick={() => void makeCurrent(h.householdId)}>
                          设为当前
                        </Button>
                      )}
                    </View>
                  </View>
                )
              })}
            </View>
            <View className='hh-buttons'>
              <Button type='primary' onClick={() => void Taro.navigateTo({ url: BIND_URL })}>
                绑定新房屋
              </Button>
              {me.roles.some((r) => r.role === 'steward') && (
                <Button onClick={() => void Taro.navigateTo({ url: '/packages/households/pages/grid/index' })}>我的网格</Button>
              )}
            </View>
            <Text className='section-title'>收到家人的邀请？</Text>
            <View className='card hh-form'>
              <View className='hh-form__row'>
                <Text className='hh-form__label'>邀请码</Text>
                <Input className='hh-form__input' placeholder='8 位邀请码' value={code} maxLength={8} onChange={setCode} />
                <Button size='small' type='primary' onClick={openInvite}>
                  查看
                </Button>
              </View>
            </View>
          </>
        )}
      </PageState>
    </View>
  )
}
