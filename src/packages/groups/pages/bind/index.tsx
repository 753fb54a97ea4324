import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { groupsContract } from '@contracts/groups.contract'
import { callFn, isFnError } from '@/services/call-fn'
import { groupEnterCloudId } from '@/services/group-enter'
import '../../components/groups.scss'

type State = { kind: 'working' } | { kind: 'bound'; name: string } | { kind: 'entered'; name: string | null } | { kind: 'message'; text: string }

/**
 * The card a steward shares into a WeChat group. Opened there by the steward, it binds the group's
 * openGId to the group record; opened by anyone else, it records that they are in the group.
 */
export default function BindGroupPage() {
  const params = useRouter().params
  const [state, setState] = useState<State>({ kind: 'working' })
  useEffect(() => {
    void (async () => {
      const cloudID = await groupEnterCloudId(params)
      if (!cloudID) return setState({ kind: 'message', text: '请把这张卡片分享到对应的微信群，并在群里打开' })
      try {
        const group = await callFn(groupsContract, 'bindGroup', { groupId: params.groupId ?? '', cloudID })
        setState({ kind: 'bound', name: group.name })
      } catch (e) {
        if (isFnError(e) && (e.code === 'AUTH.FORBIDDEN' || e.code === 'AUTH.UNAUTHENTICATED')) {
          const entry = await callFn(groupsContract, 'recordEntry', { cloudID }).catch(() => null)
          return setState({ kind: 'entered', name: entry?.group?.name ?? null })
        }
        setState({ kind: 'message', text: isFnError(e) ? e.message : '操作失败，请稍后再试' })
      }
    })()
  }, [])

  return (
    <View className='groups-page bind-page'>
      <View className='card qr-card'>
        {state.kind === 'working' && <Text className='qr-card__hint'>正在识别群聊…</Text>}
        {state.kind === 'bound' && <Text className='qr-card__name bind-result'>已绑定：{state.name}</Text>}
        {state.kind === 'entered' && <Text className='qr-card__name'>{state.name ? `欢迎来到「${state.name}」` : '欢迎来到阳光社区'}</Text>}
        {state.kind === 'message' && <Text className='qr-card__hint'>{state.text}</Text>}
      </View>
      <View className='groups-actions'>
        <Button type='primary' onClick={() => void Taro.switchTab({ url: '/pages/services/index' })}>
          去看看小区服务
        </Button>
      </View>
    </View>
  )
}
