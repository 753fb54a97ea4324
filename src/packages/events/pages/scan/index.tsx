import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Input, View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { eventsContract, type ScanOutput } from '@contracts/events.contract'
import { useFnMutation } from '@/hooks/use-fn-mutation'
import { shortTime } from '@/services/format'
import { EVENTS_URL, dwellText } from '../../components/labels'
import '../../components/events.scss'

/**
 * 扫码签到 / 签退. weapp: scan the QR on the organiser's phone; everywhere: type its 6 digits. The server
 * decides whether it is an arrival or a departure and refuses old, reused or wrong codes with a reason.
 */
export default function EventScanPage() {
  const eventId = useRouter().params.eventId || undefined
  const [code, setCode] = useState('')
  const [done, setDone] = useState<ScanOutput | null>(null)
  const scan = useFnMutation(eventsContract, 'scan', { toast: false })

  const submit = async (raw: string) => {
    setDone(null)
    const out = await scan.run({ eventId, code: raw })
    if (out) {
      setDone(out)
      setCode('')
      void Taro.vibrateShort?.({ type: 'medium' }).catch(() => undefined)
    }
  }
  const scanQr = async () => {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
      await submit(res.result)
    } catch {
      // closed the scanner
    }
  }
  const digits = code.replace(/\D/g, '')

  return (
    <View className='ev-page'>
      <View className='card'>
        {process.env.TARO_ENV !== 'h5' && (
          <Button block type='primary' disabled={scan.busy} onClick={() => void scanQr()}>
            扫描现场活动码
          </Button>
        )}
        <Text className='ev-hint'>{process.env.TARO_ENV !== 'h5' ? '扫不了？输入现场屏幕上的 6 位数字' : '输入工作人员手机上显示的 6 位活动码'}</Text>
        <Input className='ev-code-input' type='number' maxlength={6} value={code} placeholder='000000' onInput={(e) => setCode(e.detail.value)} data-testid='event-code-input' />
        <Button block type='primary' disabled={scan.busy || digits.length !== 6 || !eventId} loading={scan.busy} onClick={() => void submit(digits)} data-testid='event-code-submit'>
          提交
        </Button>
        <Text className='ev-hint'>活动码每 20 秒更换一次；签到和签退各扫一次，同一个码不能用两次。</Text>
      </View>
      {scan.error && !done && (
        <View className='card ev-refused' data-testid='event-scan-refused'>
          <Text>{scan.error.message}</Text>
        </View>
      )}
      {done && (
        <View className='card ev-ok' data-testid='event-scan-ok'>
          <Text className='ev-ok__title'>{done.action === 'checked_in' ? '签到成功' : '签退成功'}</Text>
          <Text>{done.title}</Text>
          {done.mine.checkInAt && <Text className='ev-status__text'>{`签到 ${shortTime(done.mine.checkInAt)}${done.mine.checkOutAt ? ` · 签退 ${shortTime(done.mine.checkOutAt)}` : ''}`}</Text>}
          {done.mine.dwellMinutes !== null && <Text className='ev-status__text' data-testid='event-dwell'>{`本次停留 ${dwellText(done.mine.dwellMinutes)}`}</Text>}
          <Button size='small' type='default' onClick={() => void Taro.redirectTo({ url: EVENTS_URL.detail(done.eventId) })}>
            查看活动
          </Button>
        </View>
      )}
    </View>
  )
}
