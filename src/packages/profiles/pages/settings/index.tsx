import { View, Text, Switch } from '@tarojs/components'
import { profilesContract } from '@contracts/profiles.contract'
import { useFnQuery } from '@/hooks/use-fn-query'
import { useFnMutation } from '@/hooks/use-fn-mutation'
import { PageState } from '@/components/PageState'
import { PushConsentCard } from '@/components/push-consent/PushConsentCard'
import { BRAND } from '@/styles/tokens'
import '../../components/profiles.scss'

/**
 * 推送设置: whether this person receives targeted pushes (社区推荐). Off means no 订阅消息 and no 消息中心
 * entry from any segment push; service messages (bills, repairs, pickups) are not affected.
 */
export default function PushSettingsPage() {
  const q = useFnQuery(profilesContract, 'pushSetting', {})
  const set = useFnMutation(profilesContract, 'setPushOptOut')
  const receiving = q.data ? !q.data.optedOut : true
  const change = async (on: boolean) => {
    if (await set.run({ optedOut: !on })) await q.reload()
  }
  return (
    <View className='profiles-page' data-testid='push-settings'>
      <PageState loading={q.loading && !q.data} error={q.error} hasData={!!q.data} onRetry={() => void q.reload()}>
        <View className='card pf-switch'>
          <View>
            <Text className='pf-title'>接收社区推荐</Text>
            <Text className='pf-sub'>团购上新、服务优惠等，每周最多 2 条</Text>
          </View>
          <Switch checked={receiving} color={BRAND} disabled={set.busy} onChange={(e) => void change(e.detail.value)} data-testid='push-switch' />
        </View>
        {receiving && <PushConsentCard reminders={q.data?.reminders} onChanged={() => void q.reload()} />}
        <Text className='pf-hint'>关闭后不再收到推荐消息；缴费、报修、提货等服务通知不受影响。微信每次“允许”只能发送一条提醒，没有提醒次数时推荐只出现在消息中心。</Text>
      </PageState>
    </View>
  )
}
