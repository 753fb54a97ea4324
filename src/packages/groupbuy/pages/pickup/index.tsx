import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Input } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { groupbuyContract } from '@contracts/groupbuy.contract'
import { callFn, isFnError } from '@/services/call-fn'
import { spacedCode, yuan } from '../../components/labels'
import '../../components/groupbuy.scss'

type Redeemed = Awaited<ReturnType<typeof redeem>>
const redeem = (code: string) => callFn(groupbuyContract, 'redeemPickup', { code })

/**
 * 提货核销 (steward / ops at the pickup point): scan the resident's QR or type the 8 digits. A code redeems
 * once; wrong community or already redeemed is refused with the server's message, shown in full.
 */
export default function PickupPage() {
  const [code, setCode] = useState('')
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<Redeemed | null>(null)
  const [refusal, setRefusal] = useState<string | null>(null)

  const submit = async (raw: string) => {
    setBusy(true)
    setRefusal(null)
    setDone(null)
    try {
      setDone(await redeem(raw))
      setCode('')
      void Taro.vibrateShort?.({ type: 'medium' }).catch(() => undefined)
    } catch (e) {
      setRefusal(isFnError(e) ? e.message : '核销失败，请稍后再试')
    } finally {
      setBusy(false)
    }
  }
  const scan = async () => {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
      await submit(res.result)
    } catch {
      // The steward closed the scanner: nothing to do.
    }
  }

  return (
    <View className='gb-page gb-pickup'>
      <View className='card'>
        {process.env.TARO_ENV !== 'h5' && (
          <Button block type='primary' disabled={busy} onClick={() => void scan()}>
            扫码核销
          </Button>
        )}
        <Text className='gb-detail__label'>输入 8 位提货码</Text>
        <Input className='gb-pickup__input' type='number' maxlength={8} value={code} placeholder='例如 1234 5678' onInput={(e) => setCode(e.detail.value)} data-testid='pickup-input' />
        <Button block type='primary' disabled={busy || code.replace(/\s/g, '').length !== 8} loading={busy} onClick={() => void submit(code)}>
          核销
        </Button>
      </View>
      {refusal && (
        <View className='card gb-pickup__refused' data-testid='pickup-refused'>
          <Text>{refusal}</Text>
        </View>
      )}
      {done && (
        <View className='card gb-pickup__done' data-testid='pickup-done'>
          <Text className='gb-pickup__ok'>核销成功，请交付商品</Text>
          <Text>{done.householdLabel}</Text>
          <Text>{done.campaignTitle}</Text>
          {done.lines.map((l) => (
            <Text key={l.skuId}>
              {l.title} × {l.quantity}
            </Text>
          ))}
          <Text>{yuan(done.amountFen)}</Text>
        </View>
      )}
      <Text className='gb-pickup__hint'>提货码示例：{spacedCode('12345678')}；扫码内容为 GB:提货码</Text>
    </View>
  )
}
