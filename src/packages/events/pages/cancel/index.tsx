import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Input, View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { eventsContract } from '@contracts/events.contract'
import { useFnQuery } from '@/hooks/use-fn-query'
import { useFnMutation } from '@/hooks/use-fn-mutation'
import { PageState } from '@/components/PageState'
import { toastOk } from '@/services/toast'
import { ChipGroup } from '../../components/ChipGroup'
import { Field } from '../../components/Field'
import { eventWhen } from '../../components/labels'
import '../../components/events.scss'

const REASONS = ['场地临时不可用', '天气原因', '报名人数不足', '主讲人无法到场'].map((r) => ({ key: r, label: r }))

/**
 * 取消活动 (organisers, before the start): the reason every signed-up and waiting household will read in
 * their message; their sign-ups end and the places are released by the server in one step.
 */
export default function EventCancelPage() {
  const eventId = useRouter().params.eventId ?? ''
  const q = useFnQuery(eventsContract, 'attendance', { eventId })
  const cancel = useFnMutation(eventsContract, 'cancel')
  const [reason, setReason] = useState('')
  const e = q.data?.event

  const submit = async () => {
    const { confirm } = await Taro.showModal({ title: '确认取消活动', content: '取消后不能恢复，已报名和候补的住户都会收到通知。' })
    if (!confirm) return
    const out = await cancel.run({ eventId, reason: reason.trim() })
    if (out) {
      toastOk(out.notified > 0 ? `活动已取消，已通知 ${out.notified} 户` : '活动已取消')
      void Taro.navigateBack()
    }
  }

  return (
    <View className='ev-page' data-testid='event-cancel-page'>
      <PageState loading={q.loading} error={q.error} hasData={!!e} onRetry={() => void q.reload()}>
        {e && (
          <>
            <View className='card ev-detail'>
              <Text className='ev-detail__title'>{e.title}</Text>
              <Text className='ev-item__meta'>{`${eventWhen(e.startsAt, e.endsAt)} · ${e.venue}`}</Text>
              <Text className='ev-status__text' data-testid='cancel-affected'>{`将通知已报名 ${e.signedUp} 户${e.waiting ? `、候补 ${e.waiting} 户` : ''}，名额全部释放。`}</Text>
            </View>
            <View className='card ev-form'>
              <Field label='取消原因（住户会在通知里看到）'>
                <ChipGroup options={REASONS} selected={REASONS.some((r) => r.key === reason) ? [reason] : []} onToggle={(r) => setReason(r)} testId='cancel-reasons' />
              </Field>
              <Field label='或自己填写'>
                <Input className='ev-field__input' value={reason} maxlength={40} placeholder='例如：改期到下周六，届时另行通知' onInput={(x) => setReason(x.detail.value)} data-testid='cancel-reason' />
              </Field>
            </View>
          </>
        )}
      </PageState>
      <View className='ev-actions'>
        <Button type='danger' loading={cancel.busy} disabled={cancel.busy || reason.trim().length < 2} onClick={() => void submit()} data-testid='cancel-submit'>
          确认取消活动
        </Button>
      </View>
    </View>
  )
}
