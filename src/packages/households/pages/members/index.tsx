import { useState } from 'react'
import Taro, { usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { householdsContract } from '@contracts/households.contract'
import type { HouseholdSharingView, Member } from '@contracts/households-members.schemas'
import { callFn } from '@/services/call-fn'
import { useFnQuery } from '@/hooks/use-fn-query'
import { PageState } from '@/components/PageState'
import { MEMBER_ROLE_LABEL } from '@/pages/mine/labels'
import { toastError } from '@/services/toast'
import { useReloadOnReturn } from '@/hooks/use-reload-on-return'
import { InviteCard, type Invite } from './InviteCard'
import { MemberList } from './MemberList'
import { SharingCard } from './SharingCard'
import '../../components/households.scss'

/** 成员管理: who lives here; the owner invites family or tenants with a share card, approves and removes. */
export default function MembersPage() {
  const householdId = useRouter().params.householdId ?? ''
  const q = useFnQuery(householdsContract, 'members', { householdId })
  const [invite, setInvite] = useState<Invite | null>(null)
  const [busy, setBusy] = useState(false)
  useReloadOnReturn(q.reload)
  usePullDownRefresh(() => void q.reload().finally(() => Taro.stopPullDownRefresh()))
  useShareAppMessage(() =>
    invite
      ? { title: `邀请您作为${MEMBER_ROLE_LABEL[invite.role]}加入 ${invite.householdLabel}`, path: invite.sharePath }
      : { title: '阳光社区', path: '/pages/index/index' },
  )

  const run = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true)
    try {
      await work()
      void Taro.showToast({ title: done, icon: 'success' })
      await q.reload()
    } catch (e) {
      toastError(e)
    } finally {
      setBusy(false)
    }
  }
  const createInvite = (role: 'family' | 'tenant') =>
    run(async () => setInvite(await callFn(householdsContract, 'createInvite', { householdId, role })), '邀请码已生成')
  const approve = (m: Member) => void run(() => callFn(householdsContract, 'approveMember', { householdId, memberId: m.memberId }), '已同意')
  const remove = (m: Member) => void run(() => callFn(householdsContract, 'removeMember', { householdId, memberId: m.memberId }), '已移除')
  const share = (sharing: HouseholdSharingView) => void run(() => callFn(householdsContract, 'setSharing', { householdId, ...sharing }), '已保存')
  const data = q.data

  return (
    <View className='hh-page members-page'>
      <PageState loading={q.loading} error={q.error} hasData={!!data} onRetry={() => void q.reload()}>
        {data && (
          <>
            <Text className='section-title'>{data.householdLabel}</Text>
            <MemberList members={data.members} canManage={data.canManage} onApprove={approve} onRemove={remove} />
            <Text className='section-title'>查看权限</Text>
            <SharingCard sharing={data.sharing} canManage={data.canManage} busy={busy} onChange={share} />
            {data.canManage && (
              <>
                <Text className='section-title'>邀请成员</Text>
                <View className='hh-buttons'>
                  <Button className='invite-family' type='primary' disabled={busy} onClick={() => void createInvite('family')}>
                    邀请家人
                  </Button>
                  <Button className='invite-tenant' disabled={busy} onClick={() => void createInvite('tenant')}>
                    邀请租户
                  </Button>
                </View>
                {invite && <InviteCard invite={invite} />}
              </>
            )}
            {!data.canManage && <Text className='hh-hint'>只有业主可以邀请或移除成员。</Text>}
          </>
        )}
      </PageState>
    </View>
  )
}
