import { Text } from '@tarojs/components'
import './list-footer.scss'

/** The line under a paged list: 加载中… / 上拉加载更多 / 没有更多了 (nothing under an empty list). */
export function ListFooter({ count, hasMore, loadingMore }: { count: number; hasMore: boolean; loadingMore: boolean }) {
  if (count === 0) return null
  return <Text className='list-footer'>{hasMore ? (loadingMore ? '加载中…' : '上拉加载更多') : '没有更多了'}</Text>
}
