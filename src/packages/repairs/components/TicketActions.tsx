import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Textarea } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { repairsContract, type TicketDetail } from '@contracts/repairs.contract'
import { callFn } from '@/services/call-fn'
import { shortTime } from './labels'
import { TechnicianPicker } from './TechnicianPicker'
import { toastError, toastOk } from '@/services/toast'

const page = (name: string, id: string) => `/packages/repairs/pages/${name}/index?id=${id}`

/** The buttons the server offered this viewer (viewerActions); every one refreshes the ticket after. */
export function TicketActions({ t, onChanged }: { t: TicketDetail; onChanged: () => Promise<void> }) {
  const [busy, setBusy] = useState(false)
  const [panel, setPanel] = useState<'reopen' | 'reassign' | null>(null)
  const [reason, setReason] = useState('')
  const has = (a: TicketDetail['viewerActions'][number]) => t.viewerActions.includes(a)

  const run = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true)
    try {
      await work()
      toastOk(done)
      setPanel(null)
      await onChanged()
    } catch (e) {
      toastError(e)
    } finally {
      setBusy(false)
    }
  }
  const cancel = async () => {
    const { confirm } = await Taro.showModal({ title: '取消报修', content: '确定取消这张报修单吗？' })
    if (confirm) await run(() => callFn(repairsContract, 'cancel', { ticketId: t.id }), '已取消')
  }

  if (t.viewerActions.length === 0) return null
  return (
    <>
      <View className='actions'>
        {has('accept') && (
          <Button className='action-accept' type='primary' loading={busy} onClick={() => void run(() => callFn(repairsContract, 'accept', { ticketId: t.id }), '已接单')}>
            接单
          </Button>
        )}
        {has('start') && (
          <Button className='action-start' type='primary' loading={busy} onClick={() => void run(() => callFn(repairsContract, 'start', { ticketId: t.id }), '已开始维修')}>
            已上门，开始维修
          </Button>
        )}
        {has('complete') && (
          <Button className='action-complete' type='primary' onClick={() => void Taro.navigateTo({ url: page('complete', t.id) })}>
            完成维修
          </Button>
        )}
        {has('rate') && (
          <Button className='action-rate' type='primary' onClick={() => void Taro.navigateTo({ url: page('rate', t.id) })}>
            评价服务
          </Button>
        )}
        {has('reopen') && (
          <Button className='action-reopen' onClick={() => setPanel(panel === 'reopen' ? null : 'reopen')}>
            问题没解决
          </Button>
        )}
        {has('reassign') && (
          <Button className='action-reassign' onClick={() => setPanel(panel === 'reassign' ? null : 'reassign')}>
            {t.status === 'submitted' ? '派单' : '改派'}
          </Button>
        )}
        {has('cancel') && (
          <Button className='action-cancel' loading={busy} onClick={() => void cancel()}>
            取消报修
          </Button>
        )}
      </View>
      {panel === 'reopen' && (
        <View className='form-block reopen-form'>
          <Text className='form-block__label'>重新打开工单{t.reopenUntil ? `（${shortTime(t.reopenUntil)} 前可用）` : ''}</Text>
          <Textarea className='field field--area reopen-reason' placeholder='请说明还存在的问题' value={reason} maxlength={200} onInput={(e) => setReason(e.detail.value)} />
          <Button className='reopen-submit' type='primary' block loading={busy} disabled={reason.trim().length < 2} onClick={() => void run(() => callFn(repairsContract, 'reopen', { ticketId: t.id, reason: reason.trim() }), '已重新派单')}>
            提交
          </Button>
        </View>
      )}
      {panel === 'reassign' && <TechnicianPicker current={t.assigneeName} onPick={(technicianId) => void run(() => callFn(repairsContract, 'reassign', { ticketId: t.id, technicianId }), '已派单')} />}
    </>
  )
}
