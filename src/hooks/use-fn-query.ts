import { useCallback, useEffect, useRef, useState } from 'react'
import type { ActionInput, ActionOutput, FunctionContract } from '@contracts/envelope'
import { callFn, FnError, isFnError } from '@/services/call-fn'
import { messageFor } from '@/services/error-messages'

export interface FnQuery<T> {
  data: T | undefined
  error: FnError | undefined
  loading: boolean
  /** Fetch again (retry button, pull-to-refresh); resolves when the answer is in. */
  reload: () => Promise<void>
}

/**
 * Runs a query action on mount and whenever `deps` change (by default: the input's JSON), keeping the
 * last good data while reloading. Only the newest request may set state, so a slow earlier answer never
 * overwrites a newer one.
 */
export function useFnQuery<C extends FunctionContract, K extends keyof C['actions'] & string>(
  contract: C,
  action: K,
  input: ActionInput<C, K>,
  deps?: unknown[],
): FnQuery<ActionOutput<C, K>> {
  const [data, setData] = useState<ActionOutput<C, K>>()
  const [error, setError] = useState<FnError>()
  const [loading, setLoading] = useState(true)
  const seq = useRef(0)
  const alive = useRef(true)
  const inputRef = useRef(input)
  inputRef.current = input

  const reload = useCallback(async () => {
    const mine = ++seq.current
    setLoading(true)
    try {
      const result = await callFn(contract, action, inputRef.current)
      if (!alive.current || mine !== seq.current) return
      setData(result)
      setError(undefined)
    } catch (e) {
      if (!alive.current || mine !== seq.current) return
      setError(isFnError(e) ? e : new FnError('INTERNAL', messageFor('INTERNAL')))
    } finally {
      if (alive.current && mine === seq.current) setLoading(false)
    }
    // The input object is new on every render; its JSON (or the caller's deps) says when it really changed.
  }, [contract, action, ...(deps ?? [JSON.stringify(input)])])

  useEffect(() => {
    alive.current = true
    void reload()
    return () => {
      alive.current = false
    }
  }, [reload])

  return { data, error, loading, reload }
}
