import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { householdsContract } from '@contracts/households.contract'
import { callFn } from '@/services/call-fn'
import { useFnQuery } from '@/hooks/use-fn-query'
import { PageState } from '@/components/PageState'
import { MEMBER_ROLE_LABEL } from '@/pages/mine/labels'
import { toastError } from '@/services/toast'
import '../../components/households.scss'

const STATUS_TEXT = { used: '这个邀请已经被使用了，请让业主重新邀请。', expired: '这个邀请已过期（24 小时有效），请让业主重新邀请。' } as const
const goMine = () => void Taro.reLaunch({ url: '/pages/mine/index' })

/** Opened from the owner's share card (?code=…): see which home, say how to be called, ask to join. */
export default function InvitePage() {
  const code = (useRouter().params.code ?? '').toUpperCase()
  const q = useFnQuery(householdsContract, 'inviteInfo', { code })
  const [nickname, setNickname] = useState('')
  const [busy, setBusy] = useState(false)
  const [joined, setJoined] = useState(false)
  const info = q.data

  const accept = async () => {
    setBusy(true)
    try {
      await callFn(householdsContract, 'acceptInvite', { code, ...(nickname.trim() ? { nickname: nickname.trim() } : {}) })
      setJoined(true)
    } catch (e) {
      toastError(e)
      void q.reload()
    } finally {
      setBusy(false)
    }
  }

  const result = (title: string, text: string) => (
    <View className='card hh-result'>
      <Text className='hh-result__title'>{title}</Text>
      <Text className='hh-result__text'>{text}</Text>
      <Button className='hh-result__action' type='primary' onClick={goMine}>
        返回我的
      </Button>
    </View>
  )

  return (
    <View className='hh-page invite-page'>
      <PageState loading={q.loading} error={q.error} hasData={!!info} onRetry={() => void q.reload()}>
        {info && joined && result('已提交申请', `业主确认后，您就可以作为${MEMBER_ROLE_LABEL[info.role]}使用 ${info.householdLabel} 的缴费、门禁和团购了。`)}
        {info && !joined && info.alreadyMember && result('您已在这个房屋中', `${info.householdLabel}：您已是成员或正在等待业主确认。`)}
        {info && !joined && !info.alreadyMember && info.status !== 'open' && result('邀请不可用', STATUS_TEXT[info.status])}
        {info && !joined && !info.alreadyMember && info.status === 'open' && (
          <View className='card hh-form'>
            <View className='hh-result' style={{ padding: '8px 0 16px' }}>
              <Text className='hh-result__title'>{`邀请您作为${MEMBER_ROLE_LABEL[info.role]}加入`}</Text>
              <Text className='hh-result__text invite-household'>{info.householdLabel}</Text>
            </View>
            <View className='hh-form__row'>
              <Text className='hh-form__label'>怎么称呼</Text>
              <Input className='hh-form__input invite-nickname' placeholder='如：王太太（选填，方便业主确认）' value={nickname} maxLength={20} onChange={setNickname} />
            </View>
            <Button className='hh-form__submit invite-accept' type='primary' block loading={busy} disabled={busy} onClick={() => void accept()}>
              申请加入
            </Button>
          </View>
        )}
      </PageState>
    </View>
  )
}
