import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { PaymentParams } from '@contracts/orders.contract'
import { currentOpenid } from '@/dev/persona-store'
import { yuan } from '@/services/format'
import type { PayResult } from './use-payment'
import './sandbox-pay-sheet.scss'

interface Prepay {
  amountFen: number
  description: string
  state: string
}

async function gateway<T>(path: string, body?: unknown): Promise<{ ok: boolean; data?: T; message?: string }> {
  const res = await fetch(`${FN_GATEWAY}${path}`, {
    method: body ? 'POST' : 'GET',
    headers: { 'content-type': 'application/json', 'x-dev-openid': await currentOpenid() },
    body: body ? JSON.stringify(body) : undefined,
  })
  return res.json()
}

/**
 * H5 stand-in for WeChat's cashier (local sandbox only): shows what is being paid and confirms it at the
 * sandbox gateway, which then calls the paycallback function with a real-shaped notify.
 */
export function SandboxPaySheet({ payment, onDone }: { payment: PaymentParams; onDone: (r: PayResult) => void }) {
  const [prepay, setPrepay] = useState<Prepay>()
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    void gateway<Prepay>(`/sandbox-pay/prepay/${payment.prepayId}`).then((r) => (r.ok ? setPrepay(r.data) : setError(r.message ?? '支付单不存在')))
  }, [payment.prepayId])

  const confirm = async () => {
    setBusy(true)
    const r = await gateway<{ state: string }>('/sandbox-pay/confirm', { prepayId: payment.prepayId }).catch(() => ({ ok: false, message: '网络异常' }) as const)
    setBusy(false)
    if (r.ok) onDone('paid')
    else setError(r.message ?? '支付失败')
  }

  return (
    <View className='sandbox-pay'>
      <View className='sandbox-pay__mask' onClick={() => onDone('cancelled')} />
      <View className='sandbox-pay__sheet' data-testid='sandbox-pay-sheet'>
        <Text className='sandbox-pay__badge'>沙箱支付 · 仅本地演示</Text>
        <Text className='sandbox-pay__title'>{prepay?.description ?? '…'}</Text>
        <Text className='sandbox-pay__amount'>{prepay ? yuan(prepay.amountFen) : ''}</Text>
        {error && <Text className='sandbox-pay__error'>{error}</Text>}
        <Button block type='primary' loading={busy} disabled={!prepay || busy} onClick={() => void confirm()}>
          确认支付
        </Button>
        <View className='sandbox-pay__cancel' onClick={() => onDone('cancelled')}>
          <Text>取消</Text>
        </View>
      </View>
    </View>
  )
}
