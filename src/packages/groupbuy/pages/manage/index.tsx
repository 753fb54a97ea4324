import { useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { groupbuyContract, type ManagedCampaign } from '@contracts/groupbuy.contract'
import { callFn } from '@/services/call-fn'
import { useFnQuery } from '@/hooks/use-fn-query'
import { PageState } from '@/components/PageState'
import { toastError } from '@/services/toast'
import { detailUrl } from '../../components/labels'
import '../../components/groupbuy.scss'

const DAY = 86400_000
const STATUS: Record<ManagedCampaign['status'], string> = { draft: '未发布', open: '进行中', closing: '结算中', closed: '已结束' }

/**
 * 团购管理 for stewards and ops: the community's campaigns with progress; 延长 3 天 or 提前截止, each with a
 * reason that is recorded with who and when (campaignChanges).
 */
export default function ManageCampaignsPage() {
  const q = useFnQuery(groupbuyContract, 'manageCampaigns', {})
  usePullDownRefresh(() => void q.reload().finally(() => Taro.stopPullDownRefresh()))
  const [editing, setEditing] = useState<{ id: string; kind: 'extend' | 'close' } | null>(null)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const submit = async (c: ManagedCampaign) => {
    if (!editing) return
    setBusy(true)
    try {
      if (editing.kind === 'extend') await callFn(groupbuyContract, 'extendCampaign', { campaignId: c.campaignId, deadline: new Date(Date.parse(c.deadline) + 3 * DAY).toISOString(), reason })
      else await callFn(groupbuyContract, 'closeCampaign', { campaignId: c.campaignId, reason })
      setEditing(null)
      setReason('')
      await q.reload()
    } catch (e) {
      toastError(e)
    } finally {
      setBusy(false)
    }
  }
  const items = q.data?.items ?? []
  return (
    <View className='gb-page'>
      <PageState loading={q.loading} error={q.error} hasData={!!q.data} empty={items.length === 0} emptyText='还没有团购活动' onRetry={() => void q.reload()}>
        {items.map((c) => (
          <View key={c.campaignId} className='card gb-order__meta' data-testid='managed-campaign'>
            <View className='gb-confirm__row'>
              <Text className='gb-sku__title' onClick={() => void Taro.navigateTo({ url: detailUrl(c.campaignId) })}>
                {c.title}
              </Text>
              <Text className='gb-tag'>{c.outcome === 'formed' ? '已成团' : c.outcome === 'failed' ? '未成团' : STATUS[c.status]}</Text>
            </View>
            <Text>
              {c.participants}/{c.minParticipants} 户 · 已团 {c.soldUnits} 件 · {c.pickupPoint}
            </Text>
            {c.changeable && editing?.id !== c.campaignId && (
              <View className='gb-pickup__actions'>
                <Button size='small' onClick={() => setEditing({ id: c.campaignId, kind: 'extend' })}>
                  延长 3 天
                </Button>
                <Button size='small' type='danger' fill='outline' onClick={() => setEditing({ id: c.campaignId, kind: 'close' })}>
                  提前截止
                </Button>
              </View>
            )}
            {editing?.id === c.campaignId && (
              <View className='gb-confirm__form'>
                <Input className='gb-confirm__input' placeholder={editing.kind === 'extend' ? '延长原因（将被记录）' : '截止原因（将被记录）'} value={reason} onInput={(e) => setReason(e.detail.value)} />
                <View className='gb-pickup__actions'>
                  <Button size='small' onClick={() => setEditing(null)}>
                    取消
                  </Button>
                  <Button size='small' type='primary' loading={busy} disabled={reason.trim().length < 2} onClick={() => void submit(c)}>
                    确认
                  </Button>
                </View>
              </View>
            )}
          </View>
        ))}
      </PageState>
    </View>
  )
}
