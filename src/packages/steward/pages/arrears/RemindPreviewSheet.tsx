import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { RemindPreview } from '@contracts/fees.contract'
import { Sheet } from '../../components/Sheet'
import { yuan } from '../../components/format'

const SKIP: Record<Exclude<RemindPreview['status'], 'will_send'>, string> = {
  too_soon: '3天内已提醒，本次跳过',
  nothing_owed: '已无欠费，本次跳过',
  no_recipients: '没有已绑定的住户可接收',
}

export interface PreviewData {
  items: RemindPreview[]
  willSend: number
  recipients: number
}

/** What each household will receive, before anything is sent; the steward confirms or cancels. */
export function RemindPreviewSheet({ preview, busy, onConfirm, onClose }: { preview: PreviewData; busy: boolean; onConfirm: () => void; onClose: () => void }) {
  return (
    <Sheet
      title='确认发送缴费提醒'
      testId='remind-preview'
      onClose={onClose}
      actions={
        <>
          <Button onClick={onClose}>取消</Button>
          <Button type='primary' disabled={busy || preview.willSend === 0} onClick={onConfirm} data-testid='confirm-remind'>
            {preview.willSend === 0 ? '没有可发送的提醒' : `发送给 ${preview.willSend} 户（${preview.recipients} 人）`}
          </Button>
        </>
      }
    >
      <Text className='preview-summary'>住户将在微信收到以下订阅消息：</Text>
      {preview.items.map((i) => (
        <View key={i.householdId} className='preview-item' data-testid='preview-item' data-status={i.status}>
          <View className='preview-item__head'>
            <Text>{i.label.replace(/^\S+\s/, '')}</Text>
            <Text className={`preview-item__status${i.status === 'will_send' ? '' : ' preview-item__status--skip'}`}>
              {i.status === 'will_send' ? `发送 ${i.recipients} 人 · ${yuan(i.amountFen)}` : SKIP[i.status]}
            </Text>
          </View>
          {i.status === 'will_send' &&
            i.message.map((m) => (
              <Text key={m.key} className='preview-item__line'>
                {m.key}：{m.value}
              </Text>
            ))}
        </View>
      ))}
    </Sheet>
  )
}
