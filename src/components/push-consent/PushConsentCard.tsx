import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { askPushConsent } from './ask-push-consent'
import './push-consent.scss'

/**
 * 开启微信提醒: one tap asks WeChat's subscribe dialog (one reminder per 允许). Shown in 我的 → 推送设置 and
 * on a paid group-buy order. `reminders` is what the server still may send, when the page knows it.
 */
export function PushConsentCard({ reminders, onChanged }: { reminders?: number; onChanged?: () => void }) {
  const [note, setNote] = useState<string>()
  const [busy, setBusy] = useState(false)
  const ask = async () => {
    if (busy) return
    setBusy(true)
    try {
      const r = await askPushConsent()
      if (r) setNote(r.answer === 'accept' ? `已开启，可再收到 ${r.credits} 条微信提醒` : r.answer === 'ban' ? '已设为总是拒绝，可在微信设置中更改' : '未开启，推荐仍会出现在消息中心')
      onChanged?.()
    } catch {
      setNote('暂时无法开启，请稍后再试')
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='card push-consent' data-testid='push-consent'>
      <View className='push-consent__text'>
        <Text className='push-consent__title'>微信提醒</Text>
        <Text className='push-consent__sub'>
          {note ?? (reminders !== undefined ? `团购上新、优惠推荐的微信提醒，还可收到 ${reminders} 条` : '团购上新、优惠推荐时用微信提醒我')}
        </Text>
      </View>
      <Button type='primary' size='small' loading={busy} onClick={() => void ask()} data-testid='push-consent-ask'>
        开启提醒
      </Button>
    </View>
  )
}
