import Taro from '@tarojs/taro'
import { View, Text, Button as TaroButton } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { ActionOutput } from '@contracts/envelope'
import type { householdsContract } from '@contracts/households.contract'
import { MEMBER_ROLE_LABEL } from '@/pages/mine/labels'
import { formatExpiry } from './format-expiry'

export type Invite = ActionOutput<typeof householdsContract, 'createInvite'>

/**
 * The code just created. In WeChat the share button sends a card (the page's useShareAppMessage carries
 * the code); elsewhere the code is copied and sent by hand.
 */
export function InviteCard({ invite }: { invite: Invite }) {
  const copy = () => void Taro.setClipboardData({ data: invite.code })
  return (
    <View className='card invite-card'>
      <Text className='invite-card__title'>{`邀请${MEMBER_ROLE_LABEL[invite.role]}加入 ${invite.householdLabel}`}</Text>
      <Text className='invite-card__code'>{invite.code}</Text>
      <Text className='invite-card__meta'>{`仅可使用一次，${formatExpiry(invite.expiresAt)}前有效；对方加入后需您确认`}</Text>
      {process.env.TARO_ENV === 'weapp' ? (
        <TaroButton className='invite-card__share' openType='share'>
          发送邀请卡片给微信好友
        </TaroButton>
      ) : (
        <Button className='invite-card__share' type='primary' block onClick={copy}>
          复制邀请码
        </Button>
      )}
    </View>
  )
}
