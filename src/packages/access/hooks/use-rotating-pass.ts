import { useCallback, useEffect, useRef, useState } from 'react'
import { useDidHide, useDidShow } from '@tarojs/taro'
import { FnError, isFnError } from '@/services/call-fn'

export interface PassCode {
  code: string
  ttlSeconds: number
  refreshInSeconds: number
}

export interface RotatingPass {
  pass: PassCode | undefined
  error: FnError | undefined
  loading: boolean
  /** Seconds until the shown code expires, counted from when it arrived (the phone clock may be off). */
  secondsLeft: number
  refresh: () => void
}

/**
 * Keeps a fresh ~30 s pass on screen: fetches on show, asks for the next one `refreshInSeconds` after
 * each arrives (well before expiry), stops while the page is hidden, and never lets an old answer
 * replace a newer one. `fetchPass` null means "nothing to fetch yet" (e.g. household unknown).
 */
export function useRotatingPass(fetchPass: (() => Promise<PassCode>) | null): RotatingPass {
  const [pass, setPass] = useState<PassCode>()
  const [error, setError] = useState<FnError>()
  const [loading, setLoading] = useState(false)
  const [now, setNow] = useState(() => Date.now())
  const receivedAt = useRef(0)
  const timer = useRef<ReturnType<typeof setTimeout>>()
  const seq = useRef(0)
  const visible = useRef(true)
  const fetchRef = useRef(fetchPass)
  fetchRef.current = fetchPass

  const stop = () => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = undefined
    seq.current += 1
  }

  const inFlight = useRef(-1)

  const load = useCallback(async (force = false) => {
    const fetcher = fetchRef.current
    if (!fetcher || !visible.current) return
    // First show fires both the mount effect and useDidShow: one request is enough.
    if (!force && inFlight.current === seq.current) return
    stop()
    const mine = seq.current
    inFlight.current = mine
    setLoading(true)
    try {
      const next = await fetcher()
      if (mine !== seq.current) return
      receivedAt.current = Date.now()
      setPass(next)
      setError(undefined)
      timer.current = setTimeout(() => void load(true), next.refreshInSeconds * 1000)
    } catch (e) {
      if (mine !== seq.current) return
      setError(isFnError(e) ? e : new FnError('INTERNAL', '通行码获取失败，请重试'))
    } finally {
      if (mine === seq.current) {
        setLoading(false)
        inFlight.current = -1
      }
    }
  }, [])

  useEffect(() => {
    void load()
    return stop
  }, [load, fetchPass === null])

  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(tick)
  }, [])

  useDidShow(() => {
    visible.current = true
    void load()
  })
  useDidHide(() => {
    visible.current = false
    stop()
  })

  // `now` ticks once a second and may predate the arrival of the code: clamp to its lifetime.
  const secondsLeft = pass ? Math.min(pass.ttlSeconds, Math.max(0, Math.ceil((receivedAt.current + pass.ttlSeconds * 1000 - Math.max(now, receivedAt.current)) / 1000))) : 0
  return { pass, error, loading, secondsLeft, refresh: () => void load(true) }
}
