import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { accessContract, type VisitorView } from '@contracts/access.contract'
import { callFn } from '@/services/call-fn'
import { useFnQuery } from '@/hooks/use-fn-query'
import { PageState } from '@/components/PageState'
import { PassCard } from '../../components/PassCard'
import { DoorList } from '../../components/DoorList'
import { toastError, toastOk } from '@/services/toast'
import { useRotatingPass } from '../../hooks/use-rotating-pass'
import { VISITOR_STATUS_LABEL, windowLabel } from '../../components/labels'
import './index.scss'

const UNUSABLE_TEXT: Record<Exclude<VisitorView['status'], 'active'>, string> = {
  not_started: '通行证尚未到生效时间，请在有效期内打开',
  expired: '通行证已过期，请联系邀请您的住户重新发送',
  used_up: '通行证的次数已用完，请联系邀请您的住户',
  revoked: '通行证已被住户撤销',
}

function ActivePass({ link, view, onUsed }: { link: { passId: string; token: string }; view: VisitorView; onUsed: () => void }) {
  const rotating = useRotatingPass(() => callFn(accessContract, 'visitorCode', link))
  const open = async (door: { doorId: string; name: string }) => {
    try {
      const res = await callFn(accessContract, 'visitorOpen', { ...link, doorId: door.doorId })
      toastOk(`${res.doorName}已开，剩 ${res.usesLeft} 次`)
      onUsed()
    } catch (e) {
      toastError(e)
      onUsed()
    }
  }
  return (
    <>
      <PassCard title='访客通行码' subtitle={`剩余 ${view.maxUses - view.usedCount} 次`} rotating={rotating} />
      <Text className='section-title'>一键开门</Text>
      <DoorList doors={view.doors} onOpen={open} />
    </>
  )
}

/** Opened from a resident's share card: no binding, the link is the credential. */
export default function VisitorPage() {
  const { params } = useRouter()
  const link = { passId: params.passId ?? '', token: params.token ?? '' }
  const q = useFnQuery(accessContract, 'visitorPass', link)
  usePullDownRefresh(() => {
    void q.reload().finally(() => Taro.stopPullDownRefresh())
  })
  const view = q.data
  return (
    <View className='visitor-page'>
      <PageState loading={q.loading} error={q.error} hasData={!!view} onRetry={() => void q.reload()}>
        {view && (
          <>
            <View className='card visitor-head'>
              <View className='visitor-head__row'>
                <Text className='visitor-head__title'>{`${view.visitorName}，您好`}</Text>
                <Text className={`visitor-head__status visitor-head__status--${view.status}`}>{VISITOR_STATUS_LABEL[view.status]}</Text>
              </View>
              <Text className='visitor-head__meta'>{`${view.communityName} ${view.hostLabel} 的住户邀请您到访`}</Text>
              <Text className='visitor-head__meta'>{`有效期：${windowLabel(view)}`}</Text>
            </View>
            {view.status === 'active' ? (
              <ActivePass link={link} view={view} onUsed={() => void q.reload()} />
            ) : (
              <View className='card visitor-unusable'>
                <Text>{UNUSABLE_TEXT[view.status]}</Text>
              </View>
            )}
          </>
        )}
      </PageState>
    </View>
  )
}
