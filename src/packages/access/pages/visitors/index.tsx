import { useRef, useState } from 'react'
import Taro, { usePullDownRefresh, useShareAppMessage } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { householdsContract } from '@contracts/households.contract'
import { accessContract, type VisitorPass } from '@contracts/access.contract'
import { callFn } from '@/services/call-fn'
import { useFnQuery } from '@/hooks/use-fn-query'
import { PageState } from '@/components/PageState'
import { VisitorForm } from '../../components/VisitorForm'
import { VisitorPassItem } from '../../components/VisitorPassItem'
import { ShareLinkSheet } from '../../components/ShareLinkSheet'
import { toastError, toastOk } from '@/services/toast'
import { visitorPagePath } from '../../components/labels'
import './index.scss'

function VisitorPasses({ householdId }: { householdId: string }) {
  const doors = useFnQuery(accessContract, 'myDoors', { householdId })
  const passes = useFnQuery(accessContract, 'myVisitorPasses', { householdId, offset: 0, limit: 20 })
  const [sharing, setSharing] = useState<VisitorPass>()
  const byId = useRef(new Map<string, VisitorPass>())
  for (const p of passes.data?.items ?? []) byId.current.set(p.passId, p)

  // weapp: the 分享给访客 button (openType share) carries the pass id; the card opens the visitor page.
  useShareAppMessage((res) => {
    const passId = (res.target as { dataset?: { passId?: string } } | undefined)?.dataset?.passId
    const pass = passId ? byId.current.get(passId) : undefined
    if (!pass) return { title: '门禁通行', path: '/packages/access/pages/index/index' }
    return { title: `${pass.visitorName}，这是您的访客通行证`, path: visitorPagePath(pass) }
  })
  usePullDownRefresh(() => {
    void passes.reload().finally(() => Taro.stopPullDownRefresh())
  })

  const created = (pass: VisitorPass) => {
    byId.current.set(pass.passId, pass)
    toastOk('已生成')
    void passes.reload()
    if (process.env.TARO_ENV !== 'weapp') setSharing(pass)
  }
  const revoke = async (pass: VisitorPass) => {
    const { confirm } = await Taro.showModal({ title: '撤销通行证', content: `撤销后 ${pass.visitorName} 将无法再用此通行证开门`, confirmText: '撤销' })
    if (!confirm) return
    try {
      await callFn(accessContract, 'revokeVisitorPass', { passId: pass.passId })
      toastOk('已撤销')
      void passes.reload()
    } catch (e) {
      toastError(e)
    }
  }

  return (
    <>
      <Text className='section-title'>邀请访客</Text>
      <PageState loading={doors.loading} error={doors.error} hasData={!!doors.data} onRetry={() => void doors.reload()}>
        {doors.data && <VisitorForm householdId={householdId} doors={doors.data.doors} onCreated={created} />}
      </PageState>
      <Text className='section-title'>我发出的通行证</Text>
      <PageState loading={passes.loading} error={passes.error} hasData={!!passes.data} empty={passes.data?.items.length === 0} emptyText='还没有发出过访客通行证' onRetry={() => void passes.reload()}>
        {passes.data?.items.map((p) => <VisitorPassItem key={p.passId} pass={p} onShowLink={setSharing} onRevoke={(x) => void revoke(x)} />)}
      </PageState>
      {sharing && <ShareLinkSheet pass={sharing} onClose={() => setSharing(undefined)} />}
    </>
  )
}

/** 访客通行证: issue a pass for a visitor, share it as a card, revoke it. */
export default function VisitorsPage() {
  const me = useFnQuery(householdsContract, 'me', {})
  const household = me.data?.households.find((h) => h.householdId === me.data?.currentHouseholdId) ?? me.data?.households[0]
  return (
    <View className='visitors-page'>
      <PageState loading={me.loading} error={me.error} hasData={!!me.data} empty={!!me.data && !household} emptyText='绑定房屋后才能邀请访客' onRetry={() => void me.reload()}>
        {household && <VisitorPasses key={household.householdId} householdId={household.householdId} />}
      </PageState>
    </View>
  )
}
