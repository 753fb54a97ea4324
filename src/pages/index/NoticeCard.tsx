import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { z } from 'zod'
import type { noticeSchema } from '@contracts/households.contract'
import { formatDay } from '@/services/format'
import { HOME_LINKS } from './home-links'

export type Notice = z.infer<typeof noticeSchema>

/** One notice in a list: tags (置顶, its buildings), title, two lines of text, date; opens the detail page. */
export function NoticeCard({ notice }: { notice: Notice }) {
  return (
    <View className={`notice-card${notice.pinned ? ' notice-card--pinned' : ''}`} data-testid='notice-card' onClick={() => void Taro.navigateTo({ url: HOME_LINKS.notice(notice.id) })}>
      <View className='notice-card__head'>
        {notice.pinned && <Text className='notice-card__tag'>置顶</Text>}
        {notice.scope && <Text className='notice-card__tag notice-card__tag--scope'>{notice.scope}</Text>}
        <Text className='notice-card__title'>{notice.title}</Text>
      </View>
      <Text className='notice-card__body'>{notice.body}</Text>
      <Text className='notice-card__date'>{formatDay(notice.publishedAt)}</Text>
    </View>
  )
}
