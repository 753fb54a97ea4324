import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { QrMatrix } from '@/components/qr/QrMatrix'
import type { RotatingPass } from '../hooks/use-rotating-pass'
import './pass-card.scss'

export interface PassCardProps {
  title: string
  subtitle?: string
  rotating: RotatingPass
}

/** The QR a reader scans, with how long it stays valid; tapping the QR asks for a new one at once. */
export function PassCard({ title, subtitle, rotating }: PassCardProps) {
  const { pass, error, loading, secondsLeft, refresh } = rotating
  const stale = !pass || secondsLeft === 0
  return (
    <View className='card pass-card'>
      <Text className='pass-card__title'>{title}</Text>
      {subtitle && <Text className='pass-card__subtitle'>{subtitle}</Text>}
      <View className='pass-card__qr' onClick={refresh}>
        {pass ? <QrMatrix value={pass.code} dimmed={stale || (loading && secondsLeft < 3)} /> : <View className='pass-card__placeholder' />}
      </View>
      {error ? (
        <View className='pass-card__error'>
          <Text>{error.message}</Text>
          <Button size='small' type='primary' onClick={refresh}>
            重新获取
          </Button>
        </View>
      ) : (
        <Text className='pass-card__timer'>{pass ? (stale ? '正在刷新通行码…' : `${secondsLeft} 秒内有效 · 自动刷新`) : '正在获取通行码…'}</Text>
      )}
      <Text className='pass-card__hint'>请将二维码对准门禁扫码区，一码仅限一扇门使用</Text>
    </View>
  )
}

export default PassCard
