import { View, Text, Button as TaroButton } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { VisitorPass } from '@contracts/access.contract'
import { VISITOR_STATUS_LABEL, windowLabel } from './labels'
import './visitor-pass-item.scss'

export interface VisitorPassItemProps {
  pass: VisitorPass
  /** H5 has no WeChat share: the page shows the card's link instead. */
  onShowLink: (pass: VisitorPass) => void
  onRevoke: (pass: VisitorPass) => void
}

const IS_WEAPP = process.env.TARO_ENV === 'weapp'

/** One issued pass: status, window, uses, doors; share while usable, revoke while active. */
export function VisitorPassItem({ pass, onShowLink, onRevoke }: VisitorPassItemProps) {
  const usable = pass.status === 'active' || pass.status === 'not_started'
  return (
    <View className={`card visitor-pass visitor-pass--${pass.status}`} data-pass={pass.passId}>
      <View className='visitor-pass__head'>
        <Text className='visitor-pass__name'>{pass.visitorName}</Text>
        <Text className='visitor-pass__status'>{VISITOR_STATUS_LABEL[pass.status]}</Text>
      </View>
      <Text className='visitor-pass__meta'>{windowLabel(pass)}</Text>
      <Text className='visitor-pass__meta'>{`已用 ${pass.usedCount}/${pass.maxUses} 次 · ${pass.doors.map((d) => d.name).join('、')}`}</Text>
      {usable && (
        <View className='visitor-pass__actions'>
          <Button size='small' fill='outline' onClick={() => onRevoke(pass)}>
            撤销
          </Button>
          {IS_WEAPP ? (
            <TaroButton className='visitor-pass__share' openType='share' data-pass-id={pass.passId} size='mini'>
              分享给访客
            </TaroButton>
          ) : (
            <Button className='visitor-pass__share' size='small' type='primary' onClick={() => onShowLink(pass)}>
              分享给访客
            </Button>
          )}
        </View>
      )}
    </View>
  )
}

export default VisitorPassItem
