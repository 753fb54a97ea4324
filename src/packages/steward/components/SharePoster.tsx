import Taro from '@tarojs/taro'
import { useMemo } from 'react'
import { View, Text, Image } from '@tarojs/components'
import qrcode from 'qrcode-generator'
import { Button } from '@nutui/nutui-react-taro'
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
  // A GIF data URL from the same QR library the door passes use: one image, easy to screenshot or save.
  const qr = useMemo(() => {
    const code = qrcode(0, 'M')
    code.addData(url, 'Byte')
    code.make()
    return code.createDataURL(4, 2)
  }, [url])
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
          <Image className='poster__qr-image' src={qr} data-testid='poster-qr' />
        </View>
        <Text className='poster__hint'>截图保存海报，或复制链接发到业主群；微信里打开即可联系我</Text>
      </View>
    </Sheet>
  )
}
