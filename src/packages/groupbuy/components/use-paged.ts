import { useEffect, useState } from 'react'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { groupbuyContract } from '@contracts/groupbuy.contract'
import type { ActionInput, ActionOutput } from '@contracts/envelope'
import { callFn } from '@/services/call-fn'
import { useFnQuery } from '@/hooks/use-fn-query'

type Paged = 'campaigns' | 'myOrders'
type Item<K extends Paged> = ActionOutput<typeof groupbuyContract, K>['items'][number]

/**
 * A paged group-buy list: the first page through useFnQuery (loading / error / retry), further pages on
 * reaching the bottom, pull-to-refresh starting over.
 */
export function usePaged<K extends Paged>(action: K, limit = 10) {
  const first = useFnQuery(groupbuyContract, action, { limit } as ActionInput<typeof groupbuyContract, K>)
  const [more, setMore] = useState<Item<K>[]>([])
  const [hasMore, setHasMore] = useState(false)
  const [loadingMore, setLoadingMore] = useState(false)
  useEffect(() => {
    setMore([])
    setHasMore(first.data?.hasMore ?? false)
  }, [first.data])
  usePullDownRefresh(() => void first.reload().finally(() => Taro.stopPullDownRefresh()))

  const loadMore = async () => {
    if (!hasMore || loadingMore || !first.data) return
    setLoadingMore(true)
    try {
      const page = await callFn(groupbuyContract, action, { limit, offset: first.data.items.length + more.length } as ActionInput<typeof groupbuyContract, K>)
      setMore((m) => [...m, ...(page.items as Item<K>[])])
      setHasMore(page.hasMore)
    } catch {
      void Taro.showToast({ title: '加载失败，请稍后再试', icon: 'none' })
    } finally {
      setLoadingMore(false)
    }
  }
  useReachBottom(() => void loadMore())
  const items = [...((first.data?.items ?? []) as Item<K>[]), ...more]
  return { first, items, hasMore, loadingMore, loadMore }
}
