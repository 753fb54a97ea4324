import { useEffect, useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { View, Text, Input } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { groupsContract, type GroupKind, type JoinOutput } from '@contracts/groups.contract'
import { callFn, isActionError, isFnError } from '@/services/call-fn'
import { useFnQuery } from '@/hooks/use-fn-query'
import { PageState } from '@/components/PageState'
import { QrCard } from '../../components/QrCard'
import { groupEnterCloudId } from '@/services/group-enter'
import '../../components/groups.scss'

const BIND_URL = '/packages/households/pages/bind/index'
const OTHER_KINDS: { kind: GroupKind; label: string }[] = [
  { kind: 'owners', label: '业主群' },
  { kind: 'tenants', label: '租户群' },
  { kind: 'all', label: '全体住户群' },
  { kind: 'merchants', label: '商户群' },
]

type Unavailable = Extract<JoinOutput, { outcome: 'unavailable' }>

/**
 * 加入社群: the resident asks, the server picks the group for their building and identity and shows its
 * live QR; they confirm once in. Opened from a card inside a WeChat group, the page also records that group.
 */
export default function GroupsJoinPage() {
  const params = useRouter().params
  const q = useFnQuery(groupsContract, 'myMemberships', {})
  const [busy, setBusy] = useState(false)
  const [note, setNote] = useState<Unavailable | { message: string; needsBinding?: boolean } | null>(null)
  const [merchantCode, setMerchantCode] = useState('')
  const [welcome, setWelcome] = useState<Record<string, string>>({})
  usePullDownRefresh(() => void q.reload().finally(() => Taro.stopPullDownRefresh()))

  useEffect(() => {
    void (async () => {
      const cloudID = await groupEnterCloudId(params)
      if (!cloudID) return
      try {
        const res = await callFn(groupsContract, 'recordEntry', { cloudID })
        if (res.recognized) await q.reload()
      } catch {
        // Recording an entry is best effort; the page works without it.
      }
    })()
  }, [])

  const run = async (work: () => Promise<void>) => {
    setBusy(true)
    try {
      await work()
    } catch (e) {
      const message = isFnError(e) ? e.message : '操作失败，请稍后再试'
      setNote({ message, needsBinding: isActionError(e, groupsContract, 'join', 'GROUP.NOT_VERIFIED') })
    } finally {
      setBusy(false)
    }
  }
  const join = (kind?: GroupKind) =>
    run(async () => {
      setNote(null)
      const res = await callFn(groupsContract, 'join', kind ? { kind } : {})
      if (res.outcome === 'unavailable') setNote(res)
      else setWelcome((w) => ({ ...w, [res.group.id]: res.welcome }))
      await q.reload()
    })
  const confirm = (groupId: string) =>
    run(async () => {
      await callFn(groupsContract, 'confirmJoined', { groupId })
      void Taro.showToast({ title: '欢迎入群', icon: 'success' })
      await q.reload()
    })
  const claim = () =>
    run(async () => {
      const res = await callFn(groupsContract, 'claimMerchant', { code: merchantCode.trim().toUpperCase() })
      void Taro.showToast({ title: `已登记：${res.shopName}`, icon: 'none' })
      setMerchantCode('')
    })

  const memberships = q.data?.memberships ?? []
  const pending = memberships.filter((m) => m.status === 'assigned')
  const joined = memberships.filter((m) => m.status === 'joined')
  return (
    <View className='groups-page join-page'>
      <PageState loading={q.loading} error={q.error} hasData={!!q.data} onRetry={() => void q.reload()}>
        {pending.map((m) => (
          <View key={m.group.id} className='pending-group'>
            <QrCard groupName={m.group.name} kindLabel={m.group.kindLabel} buildingsLabel={m.group.buildingsLabel} qr={m.qr.url && m.qr.expiresAt ? { url: m.qr.url, expiresAt: m.qr.expiresAt } : null} welcome={welcome[m.group.id]} rules={m.rules} />
            <View className='groups-actions'>
              <Button className='confirm-joined' type='primary' disabled={busy} onClick={() => void confirm(m.group.id)}>
                我已入群
              </Button>
            </View>
          </View>
        ))}
        {joined.length > 0 && <Text className='section-title'>我已加入</Text>}
        {joined.map((m) => (
          <View key={m.group.id} className='card joined-group'>
            <Text className='qr-card__name'>{m.group.name}</Text>
            <Text className='qr-card__meta'>
              {m.group.kindLabel} · {m.group.buildingsLabel}
            </Text>
          </View>
        ))}
        {note && (
          <View className='groups-note'>
            <Text>{note.message}</Text>
            {'needsBinding' in note && note.needsBinding && (
              <Button type='primary' size='small' onClick={() => void Taro.navigateTo({ url: BIND_URL })}>
                去绑定房屋
              </Button>
            )}
          </View>
        )}
        {pending.length === 0 && (
          <View className='groups-actions'>
            <Text className='join-intro'>按您的楼栋和身份，为您匹配小区群，扫码即可加入。</Text>
            <Button className='join-button' type='primary' disabled={busy} onClick={() => void join()}>
              加入社群
            </Button>
          </View>
        )}
        <Text className='section-title'>加入其他类型的群</Text>
        <View className='kind-chips'>
          {OTHER_KINDS.map((k) => (
            <Text key={k.kind} className='kind-chip' onClick={() => !busy && void join(k.kind)}>
              {k.label}
            </Text>
          ))}
        </View>
        <Text className='section-title'>商户登记</Text>
        <View className='row-input'>
          <Input className='row-input__field' placeholder='输入管家给的 8 位邀请码' maxlength={8} value={merchantCode} onInput={(e) => setMerchantCode(e.detail.value)} />
          <Button size='small' disabled={busy || merchantCode.trim().length !== 8} onClick={() => void claim()}>
            登记
          </Button>
        </View>
      </PageState>
    </View>
  )
}
