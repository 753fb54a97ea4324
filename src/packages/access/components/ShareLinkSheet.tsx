import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { VisitorPass } from '@contracts/access.contract'
import { visitorPagePath } from './labels'
import './share-link-sheet.scss'

/**
 * What the WeChat share card would carry, shown as a card preview with its link (H5 and dev only:
 * on weapp the 分享 button opens WeChat's own share sheet).
 */
export function ShareLinkSheet({ pass, onClose }: { pass: VisitorPass; onClose: () => void }) {
  const path = visitorPagePath(pass)
  const link = typeof location === 'undefined' ? path : `${location.origin}${location.pathname}#${path}`
  const copy = () => void Taro.setClipboardData({ data: link }).then(() => Taro.showToast({ title: '链接已复制', icon: 'success' }))
  return (
    <View className='share-sheet__mask' onClick={onClose}>
      <View className='share-sheet' onClick={(e) => e.stopPropagation()}>
        <Text className='share-sheet__title'>分享给访客</Text>
        <View className='share-sheet__card'>
          <Text className='share-sheet__card-title'>{`${pass.visitorName}，您的访客通行证`}</Text>
          <Text className='share-sheet__card-sub'>打开即可查看通行码，无需注册</Text>
        </View>
        <Text className='share-sheet__link' selectable>
          {link}
        </Text>
        <View className='share-sheet__actions'>
          <Button size='small' fill='outline' onClick={onClose}>
            关闭
          </Button>
          <Button size='small' type='primary' onClick={copy}>
            复制链接
          </Button>
        </View>
      </View>
    </View>
  )
}

export default ShareLinkSheet
