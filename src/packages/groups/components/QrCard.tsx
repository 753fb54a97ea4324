import { View, Text, Image } from '@tarojs/components'
import { imageUrl } from '@/services/group-enter'
import { formatDateTime, timeLeft } from './labels'
import './groups.scss'

export interface QrCardProps {
  groupName: string
  kindLabel: string
  buildingsLabel: string
  qr: { url: string; expiresAt: string } | null
  welcome?: string
  rules: string[]
}

/** The group's live QR (long-press to recognise it in WeChat), its expiry and the group rules. */
export function QrCard({ groupName, kindLabel, buildingsLabel, qr, welcome, rules }: QrCardProps) {
  return (
    <View className='card qr-card'>
      <Text className='qr-card__name'>{groupName}</Text>
      <Text className='qr-card__meta'>
        {kindLabel} · {buildingsLabel}
      </Text>
      {qr ? (
        <>
          <Image className='qr-card__image' src={imageUrl(qr.url)} mode='aspectFit' showMenuByLongpress />
          <Text className='qr-card__hint'>长按二维码，识别后加入群聊</Text>
          <Text className='qr-card__expiry'>
            二维码有效期至 {formatDateTime(qr.expiresAt)}（{timeLeft(qr.expiresAt)}）
          </Text>
        </>
      ) : (
        <Text className='qr-card__hint'>群二维码正在更新，管家上传后即可查看</Text>
      )}
      {welcome && <Text className='qr-card__welcome'>{welcome}</Text>}
      {rules.length > 0 && (
        <View className='qr-card__rules'>
          <Text className='qr-card__rules-title'>群规</Text>
          {rules.map((r, i) => (
            <Text key={r} className='qr-card__rule'>
              {i + 1}. {r}
            </Text>
          ))}
        </View>
      )}
    </View>
  )
}
