import { useEffect, useRef } from 'react'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { attributionContract } from '@contracts/attribution.contract'
import { callFn } from '@/services/call-fn'
import { useFnQuery } from '@/hooks/use-fn-query'
import { PageState } from '@/components/PageState'
import { groupEnterCloudId } from '@/services/group-enter'
import './index.scss'

const ENTRIES = [
  { title: '社区团购', note: '产地直发，小区自提', url: '/packages/groupbuy/pages/index/index' },
  { title: '上门服务', note: '保洁、家电清洗、管道疏通', url: '/packages/orders/pages/services/index' },
  { title: '报事报修', note: '水电维修，师傅上门', url: '/packages/repairs/pages/index/index' },
  { title: '加入社群', note: '楼栋群、业主群', url: '/packages/groups/pages/index/index' },
]

/**
 * A steward's card (what 我的业绩 shares): who they are and where to go next. Opening it records a touch
 * (with the WeChat group when opened inside one); orders within the attribution window credit this steward.
 */
export default function StewardCardPage() {
  const { params } = useRouter()
  const stewardId = params.stewardId ?? ''
  const q = useFnQuery(attributionContract, 'stewardCard', { stewardId })
  // Forwarded by a resident, the card keeps the same steward: the next opener is this steward's touch too.
  useShareAppMessage(() => ({ title: q.data ? `网格管家${q.data.name}` : '网格管家', path: `/packages/steward/pages/card/index?stewardId=${stewardId}` }))
  const recorded = useRef(false)
  useEffect(() => {
    if (recorded.current || !stewardId) return
    recorded.current = true
    void (async () => {
      const groupCloudId = (await groupEnterCloudId(params)) ?? undefined
      await callFn(attributionContract, 'recordTouch', { stewardId, source: 'steward_card', ...(groupCloudId ? { groupCloudId } : {}) })
    })().catch(() => undefined)
  }, [params, stewardId])

  return (
    <View className='steward-card-page'>
      <PageState loading={q.loading} error={q.error} hasData={q.data !== undefined} empty={q.data === null} emptyText='这张名片已失效' onRetry={() => void q.reload()}>
        {q.data && (
          <>
            <View className='card steward-card'>
              <Text className='steward-card__name' data-testid='steward-card-name'>
                {q.data.name}
              </Text>
              <Text className='steward-card__role'>{q.data.communityName} · 网格管家</Text>
              <Text className='steward-card__hello'>您好，我是您的网格管家，生活上有需要随时找我。</Text>
            </View>
            {ENTRIES.map((e) => (
              <View key={e.url} className='card steward-card__entry' onClick={() => void Taro.navigateTo({ url: e.url })}>
                <Text className='steward-card__entry-title'>{e.title}</Text>
                <Text className='steward-card__entry-note'>{e.note}</Text>
              </View>
            ))}
          </>
        )}
      </PageState>
    </View>
  )
}
