import { useEffect, useState } from 'react'
import { Text } from '@tarojs/components'
import { countdownText } from './labels'

/**
 * Ticks every second towards the deadline. `serverNow` corrects for a phone whose clock is off: the offset
 * between server and phone is taken once, when the data arrives.
 */
export function Countdown({ deadline, serverNow, prefix = '距截止' }: { deadline: string; serverNow: string; prefix?: string }) {
  const [offset] = useState(() => Date.parse(serverNow) - Date.now())
  const [now, setNow] = useState(() => Date.now() + offset)
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now() + offset), 1000)
    return () => clearInterval(timer)
  }, [offset])
  const text = countdownText(Date.parse(deadline) - now)
  return <Text className='gb-countdown' data-testid='countdown'>{text ? `${prefix} ${text}` : '已截止'}</Text>
}
