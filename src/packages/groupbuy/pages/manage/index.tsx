import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { groupbuyContract, type ManagedCampaign } from '@contracts/groupbuy.contract'
import { callFn } from '@/services/call-fn'
import { useFnQuery } from '@/hooks/use-fn-query'
import { useMutation } from '@/hooks/use-fn-mutation'
import { useReloadOnReturn } from '@/hooks/use-reload-on-return'
import { PageState } from '@/components/PageState'
import { ManagedCampaignCard, type CampaignChangeRequest } from '../../components/manage/ManagedCampaignCard'
import { CREATE_URL, POLL_NEW_URL } from '../../components/labels'
import '../../components/groupbuy.scss'
import '../../components/manage/manage.scss'

const DAY = 86_400_000
type Change = { c: ManagedCampaign; req: CampaignChangeRequest }

/**
 * 团购管理 for stewards and ops: 发起团购 / 发起征集, then the community's campaigns with progress; 延长 or
 * 提前截止 with a reason, and each campaign's 变更记录 (who, when, why).
 */
export default function ManageCampaignsPage() {
  const q = useFnQuery(groupbuyContract, 'manageCampaigns', {})
  usePullDownRefresh(() => void q.reload().finally(() => Taro.stopPullDownRefresh()))
  useReloadOnReturn(() => void q.reload())
  const change = useMutation(({ c, req }: Change, requestId: string) =>
    req.kind === 'extend'
      ? callFn(groupbuyContract, 'extendCampaign', { campaignId: c.campaignId, deadline: new Date(Date.parse(c.deadline) + req.days * DAY).toISOString(), reason: req.reason }, { requestId })
      : callFn(groupbuyContract, 'closeCampaign', { campaignId: c.campaignId, reason: req.reason }, { requestId }),
  )
  const onChange = (c: ManagedCampaign) => async (req: CampaignChangeRequest) => {
    const out = await change.run({ c, req })
    if (!out) return false
    void Taro.showToast({ title: req.kind === 'extend' ? '已延长' : '已截止', icon: 'success' })
    await q.reload()
    return true
  }
  const items = q.data?.items ?? []
  return (
    <View className='gb-page'>
      <View className='gbm-head'>
        <Button type='primary' size='small' onClick={() => void Taro.navigateTo({ url: CREATE_URL })} data-testid='new-campaign'>
          + 发起团购
        </Button>
        <Button size='small' onClick={() => void Taro.navigateTo({ url: POLL_NEW_URL })} data-testid='new-poll'>
          + 发起严选征集
        </Button>
      </View>
      <PageState loading={q.loading} error={q.error} hasData={!!q.data} empty={items.length === 0} emptyText='还没有团购活动，点「发起团购」从模板开始' onRetry={() => void q.reload()}>
        {items.map((c) => (
          <ManagedCampaignCard key={c.campaignId} c={c} busy={change.busy} onChange={onChange(c)} />
        ))}
      </PageState>
      <Text className='gb-pickup__hint'>延长或提前截止都需填写原因，并记录操作人和时间。</Text>
    </View>
  )
}
