import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { QrMatrix } from '../../access/components/QrMatrix'
import { Sheet } from './Sheet'
import './share-poster.scss'

/** The card's address in this H5 build (hash router): what the QR code and the copied link open. */
export function h5CardUrl(sharePath: string): string {
  const origin = typeof window !== 'undefined' ? `${window.location.origin}${window.location.pathname}` : ''
  return `${origin}#${sharePath}`
}

/**
 * H5 has no WeChat share sheet, so the steward gets a poster preview instead: name, community and a QR code
 * of the card's link (the link carries stewardId, so a resident who opens it is recorded as a touch).
 * They screenshot it or copy the link into a chat.
 */
export function SharePoster({ name, communityName, sharePath, onClose }: { name: string; communityName: string; sharePath: string; onClose: () => void }) {
  const url = h5CardUrl(sharePath)
  return (
    <Sheet
      title='我的管家名片'
      testId='share-poster'
      onClose={onClose}
      actions={
        <>
          <Button onClick={onClose}>关闭</Button>
          <Button type='primary' data-testid='copy-card-link' onClick={() => void Taro.setClipboardData({ data: url }).catch(() => undefined)}>
            复制链接
          </Button>
        </>
      }
    >
      <View className='poster' data-testid='poster' data-url={url}>
        <Text className='poster__community'>{communityName}</Text>
        <Text className='poster__name'>网格管家 {name}</Text>
        <Text className='poster__hello'>团购、上门服务、报修，有事随时找我</Text>
        <View className='poster__qr'>
          <QrMatrix value={url} size={168} />
        </View>
        <Text className='poster__hint'>截图保存海报，或复制链接发到业主群；微信里打开即可联系我</Text>
      </View>
    </Sheet>
  )
}
