import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { profilesContract } from '@contracts/profiles.contract'
import type { ActionOutput } from '@contracts/envelope'
import { callFn, FnError, isFnError } from '@/services/call-fn'
import { messageFor } from '@/services/error-messages'
import { PageState } from '@/components/PageState'
import '../../components/profiles.scss'

type Opened = ActionOutput<typeof profilesContract, 'openPush'>

/**
 * A targeted push as its recipient reads it (opened from 消息中心 or the WeChat card). Opening records the
 * open for the sender's conversion figures; the page shows only the message, never why it was sent.
 */
export default function PushPage() {
  const { params } = useRouter()
  const [data, setData] = useState<Opened>()
  const [error, setError] = useState<FnError>()
  const [loading, setLoading] = useState(true)
  const load = async () => {
    setLoading(true)
    try {
      setData(await callFn(profilesContract, 'openPush', { pushId: String(params.id ?? '') }))
      setError(undefined)
    } catch (e) {
      setError(isFnError(e) ? e : new FnError('INTERNAL', messageFor('INTERNAL')))
    } finally {
      setLoading(false)
    }
  }
  useEffect(() => {
    void load()
  }, [params.id])
  return (
    <View className='profiles-page' data-testid='push-page'>
      <PageState loading={loading} error={error} hasData={!!data} onRetry={() => void load()}>
        {data && (
          <View className='card'>
            <Text className='pf-title'>{data.title}</Text>
            <Text className='pf-sub'>{data.sentAt.slice(0, 10)} · 阳光社区</Text>
            <Text className='pf-body'>{data.body}</Text>
            {data.campaignId && (
              <View className='pf-actions' style={{ padding: '16px 0 0' }}>
                <Button type='primary' onClick={() => void Taro.navigateTo({ url: `/packages/groupbuy/pages/detail/index?id=${data.campaignId}` })}>
                  去看看
                </Button>
              </View>
            )}
          </View>
        )}
        <Text className='pf-hint'>不想再收到这类推荐？可在“我的 → 推送设置”中关闭。</Text>
      </PageState>
    </View>
  )
}
