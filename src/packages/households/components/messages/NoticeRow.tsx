import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { z } from 'zod'
import type { noticeSchema } from '@contracts/households.contract'
import { formatDay } from '@/services/format'

/** A notice in the history list; opens its detail page. */
export function NoticeRow({ notice }: { notice: z.infer<typeof noticeSchema> }) {
  return (
    <View className='card notice-row' data-testid='notice-row' onClick={() => void Taro.navigateTo({ url: `/packages/households/pages/notice/index?id=${notice.id}` })}>
      <View className='notice-row__head'>
        {notice.pinned && <Text className='notice-tag'>置顶</Text>}
        {notice.scope && <Text className='notice-tag notice-tag--scope'>{notice.scope}</Text>}
        <Text className='notice-row__title'>{notice.title}</Text>
      </View>
      <Text className='notice-row__body'>{notice.body}</Text>
      <Text className='notice-row__date'>{formatDay(notice.publishedAt)}</Text>
    </View>
  )
}
