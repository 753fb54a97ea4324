import { useRef } from 'react'
import { useDidShow } from '@tarojs/taro'

/**
 * Reload when the person comes back to this page (after paying, rating, inviting…). The first show is
 * skipped: the page's query already loads on mount, and a second request would only race it.
 */
export function useReloadOnReturn(reload: () => unknown): void {
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void reload()
    shown.current = true
  })
}
