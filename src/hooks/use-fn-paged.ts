import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import type { ActionInput, ActionOutput, FunctionContract } from '@contracts/envelope'
import { callFn, FnError, isFnError } from '@/services/call-fn'
import { messageFor } from '@/services/error-messages'
import { toastError } from '@/services/toast'
import { useReloadOnReturn } from './use-reload-on-return'

type ItemOf<O> = O extends { items: (infer T)[] } ? T : never
/** The input of a paged action without its paging fields: the hook owns offset and limit. */
export type PagedInput<C extends FunctionContract, K extends keyof C['actions'] & string> = Omit<ActionInput<C, K>, 'offset' | 'limit'>

export interface PagedOptions {
  limit?: number
  /** When the input changes meaning beyond its JSON (rare); by default the input's JSON decides. */
  deps?: unknown[]
  /** Reload page one when the person comes back from a detail page (paid, rated, cancelled…). */
  reloadOnReturn?: boolean
}

export interface FnPaged<O> {
  items: ItemOf<O>[]
  /** The newest page's whole answer (summaries some lists return beside their items). */
  last: O | undefined
  hasMore: boolean
  /** First page (or a reload of it) in flight. */
  loading: boolean
  loadingMore: boolean
  /** Only an error of page one: a failed further page is a toast, the loaded items stay. */
  error: FnError | undefined
  /** True once page one has answered at least once. */
  loaded: boolean
  reload: () => Promise<void>
  loadMore: () => Promise<void>
}

/**
 * A paged list (`{ offset, limit }` in, `{ items, hasMore }` out) with pull-to-refresh and load-on-reach-
 * bottom wired in. Page one replaces everything; only the newest request may set state, so a slow earlier
 * page never lands after a refresh; a further page is asked for once at a time.
 */
export function useFnPaged<C extends FunctionContract, K extends keyof C['actions'] & string>(
  contract: C,
  action: K,
  input: PagedInput<C, K>,
  options: PagedOptions = {},
): FnPaged<ActionOutput<C, K>> {
  const limit = options.limit ?? 20
  type O = ActionOutput<C, K>
  const [items, setItems] = useState<ItemOf<O>[]>([])
  const [last, setLast] = useState<O>()
  const [loading, setLoading] = useState(true)
  const [loadingMore, setLoadingMore] = useState(false)
  const [error, setError] = useState<FnError>()
  const [loaded, setLoaded] = useState(false)
  const seq = useRef(0)
  const alive = useRef(true)
  const inputRef = useRef(input)
  inputRef.current = input
  const itemsRef = useRef(items)
  itemsRef.current = items
  const moreBusy = useRef(false)

  const fetchPage = (offset: number) => callFn(contract, action, { ...inputRef.current, offset, limit } as unknown as ActionInput<C, K>)

  const reload = useCallback(async () => {
    const mine = ++seq.current
    setLoading(true)
    try {
      const page = await fetchPage(0)
      if (!alive.current || mine !== seq.current) return
      setItems((page as { items: ItemOf<O>[] }).items)
      setLast(page)
      setError(undefined)
      setLoaded(true)
    } catch (e) {
      if (!alive.current || mine !== seq.current) return
      setError(isFnError(e) ? e : new FnError('INTERNAL', messageFor('INTERNAL')))
    } finally {
      if (alive.current && mine === seq.current) setLoading(false)
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [contract, action, limit, ...(options.deps ?? [JSON.stringify(input)])])

  const loadMore = useCallback(async () => {
    const hasMore = (last as { hasMore?: boolean } | undefined)?.hasMore
    if (!hasMore || moreBusy.current || loading) return
    const mine = seq.current
    moreBusy.current = true
    setLoadingMore(true)
    try {
      const page = await fetchPage(itemsRef.current.length)
      // A refresh started meanwhile: its page one wins, this page belongs to the old list.
      if (!alive.current || mine !== seq.current) return
      setItems((prev) => [...prev, ...(page as { items: ItemOf<O>[] }).items])
      setLast(page)
    } catch (e) {
      toastError(e, '加载失败，请稍后再试')
    } finally {
      moreBusy.current = false
      if (alive.current) setLoadingMore(false)
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [last, loading, reload])

  useEffect(() => {
    alive.current = true
    setItems([])
    setLast(undefined)
    setLoaded(false)
    void reload()
    return () => {
      alive.current = false
    }
  }, [reload])

  usePullDownRefresh(() => void reload().finally(() => Taro.stopPullDownRefresh()))
  useReachBottom(() => void loadMore())
  useReloadOnReturn(() => (options.reloadOnReturn ? reload() : undefined))

  const hasMore = !!(last as { hasMore?: boolean } | undefined)?.hasMore
  return { items, last, hasMore, loading, loadingMore, error, loaded, reload, loadMore }
}
