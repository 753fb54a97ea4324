import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button as ShareButton, Canvas, Image, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { paintPoster, POSTER_H, POSTER_W, type PosterData } from './poster-painter'
import { imageSrc } from './labels'

/**
 * 邀请邻居: on weapp a share card (the page's useShareAppMessage supplies title and path) and a poster
 * drawn on a Canvas 2D node; on H5, where there is no share sheet, the poster drawn on a canvas and shown
 * as a picture to long-press and save. Rendered only while the campaign takes orders.
 */
export function SharePanel({ poster, pictureUrl, headline }: { poster: PosterData; pictureUrl: string | null; headline: string }) {
  const [src, setSrc] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const make = async () => {
    setBusy(true)
    try {
      setSrc(process.env.TARO_ENV === 'h5' ? await posterOnH5(poster, pictureUrl) : await posterOnWeapp(poster, pictureUrl))
    } catch {
      void Taro.showToast({ title: '海报生成失败，请稍后再试', icon: 'none' })
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='card gb-invite' data-testid='share-panel' data-link={poster.link}>
      <Text className='gb-invite__headline' data-testid='invite-headline'>
        {headline}
      </Text>
      <Text className='gb-invite__text'>邀请邻居一起参团，人齐了就能成团发货</Text>
      <View className='gb-invite__actions'>
        {process.env.TARO_ENV !== 'h5' && (
          <ShareButton className='gb-invite__share' openType='share' data-testid='share'>
            分享给邻居
          </ShareButton>
        )}
        <Button type='primary' fill='outline' size='small' loading={busy} onClick={() => void make()} data-testid='make-poster'>
          生成分享海报
        </Button>
      </View>
      {process.env.TARO_ENV !== 'h5' && <Canvas type='2d' id='gb-poster' className='gb-invite__canvas' />}
      {src && (
        <View className='gb-invite__poster'>
          <Image className='gb-invite__poster-img' src={src} mode='aspectFit' data-testid='poster' showMenuByLongpress />
          <Text className='gb-invite__text'>{process.env.TARO_ENV === 'h5' ? '长按图片保存，发到业主群' : '已保存到相册，发到业主群吧'}</Text>
        </View>
      )}
    </View>
  )
}

async function posterOnH5(data: PosterData, pictureUrl: string | null): Promise<string> {
  const canvas = document.createElement('canvas')
  canvas.width = POSTER_W
  canvas.height = POSTER_H
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('no 2d context')
  const picture = pictureUrl ? await loadH5Image(imageSrc(pictureUrl)).catch(() => null) : null
  paintPoster(ctx, data, picture)
  return canvas.toDataURL('image/png')
}

function loadH5Image(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new window.Image()
    img.crossOrigin = 'anonymous'
    img.onload = () => resolve(img)
    img.onerror = reject
    img.src = url
  })
}

/** weapp: the Canvas 2D node, its own createImage for the picture, then a temp file saved to the album. */
async function posterOnWeapp(data: PosterData, pictureUrl: string | null): Promise<string> {
  const node = await new Promise<any>((resolve) => Taro.createSelectorQuery().select('#gb-poster').fields({ node: true, size: true }).exec((r) => resolve(r[0]?.node)))
  if (!node) throw new Error('poster canvas missing')
  node.width = POSTER_W
  node.height = POSTER_H
  const ctx = node.getContext('2d')
  let picture: any = null
  if (pictureUrl) {
    picture = node.createImage()
    await new Promise<void>((resolve) => {
      picture.onload = () => resolve()
      picture.onerror = () => {
        picture = null
        resolve()
      }
      picture.src = pictureUrl
    })
  }
  paintPoster(ctx, data, picture)
  const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas: node, fileType: 'png' } as any)
  await Taro.saveImageToPhotosAlbum({ filePath: tempFilePath }).catch(() => undefined)
  return tempFilePath
}
