import Taro from '@tarojs/taro'
import { Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { OwnerCall } from '@contracts/fees.contract'
import { Sheet } from '../../components/Sheet'

/** "170 3489 1234": easier to read back on the phone. */
const spaced = (n: string) => n.replace(/^(\d{3})(\d{4})(\d{4})$/, '$1 $2 $3')

/**
 * The relay number that rings the owner (隐私号): shown only to this grid's steward, valid a few minutes.
 * 拨打 hands it to the phone's dialer (WeChat: makePhoneCall; H5: a tel: link).
 */
export function CallSheet({ call, onClose }: { call: OwnerCall; onClose: () => void }) {
  const minutes = Math.max(1, Math.round((Date.parse(call.expiresAt) - Date.now()) / 60_000))
  return (
    <Sheet
      title={`联系业主 ${call.ownerNameMasked}`}
      testId='call-sheet'
      onClose={onClose}
      actions={
        <>
          <Button onClick={onClose}>取消</Button>
          <Button type='primary' data-testid='dial' data-tel={`tel:${call.relayNumber}`} onClick={() => void Taro.makePhoneCall({ phoneNumber: call.relayNumber }).catch(() => undefined)}>
            拨打
          </Button>
        </>
      }
    >
      <Text className='call-sheet__number' data-testid='relay-number'>
        {spaced(call.relayNumber)}
      </Text>
      <Text className='call-sheet__note'>{`隐私号码，约 ${minutes} 分钟内有效。对方看到的是这个号码，双方真实号码都不会显示。`}</Text>
    </Sheet>
  )
}
