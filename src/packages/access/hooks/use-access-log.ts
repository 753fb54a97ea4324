import { useCallback, useEffect, useRef, useState } from 'react'
import { accessContract, type AccessLogEntry } from '@contracts/access.contract'
import { callFn, FnError, isFnError } from '@/services/call-fn'

const PAGE = 20

/** My attempts, newest first, a page at a time; reload starts over (pull-to-refresh). */
export function useAccessLog() {
  const [items, setItems] = useState<AccessLogEntry[]>([])
  const [hasMore, setHasMore] = useState(false)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<FnError>()
  const seq = useRef(0)

  const fetchPage = useCallback(async (offset: number) => {
    const mine = ++seq.current
    setLoading(true)
    try {
      const page = await callFn(accessContract, 'myAccessLog', { offset, limit: PAGE })
      if (mine !== seq.current) return
      setItems((prev) => (offset === 0 ? page.items : [...prev, ...page.items]))
      setHasMore(page.hasMore)
      setError(undefined)
    } catch (e) {
      if (mine === seq.current) setError(isFnError(e) ? e : new FnError('INTERNAL', '加载失败'))
    } finally {
      if (mine === seq.current) setLoading(false)
    }
  }, [])

  useEffect(() => {
    void fetchPage(0)
  }, [fetchPage])

  return {
    items,
    hasMore,
    loading,
    error,
    reload: () => fetchPage(0),
    loadMore: () => (hasMore && !loading ? fetchPage(items.length) : Promise.resolve()),
  }
}
