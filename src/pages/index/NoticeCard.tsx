import { View, Text } from '@tarojs/components'
import type { z } from 'zod'
import type { noticeSchema } from '@contracts/households.contract'
import { formatDay } from '@/services/format'

export type Notice = z.infer<typeof noticeSchema>

export function NoticeCard({ notice }: { notice: Notice }) {
  return (
    <View className={`notice-card${notice.pinned ? ' notice-card--pinned' : ''}`}>
      <View className='notice-card__head'>
        {notice.pinned && <Text className='notice-card__tag'>置顶</Text>}
        <Text className='notice-card__title'>{notice.title}</Text>
      </View>
      <Text className='notice-card__body'>{notice.body}</Text>
      <Text className='notice-card__date'>{formatDay(notice.publishedAt)}</Text>
    </View>
  )
}
