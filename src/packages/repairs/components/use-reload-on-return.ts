import { useRef } from 'react'
import { useDidShow } from '@tarojs/taro'

/** Reload when the user comes back to this page (after rating, completing…), not on its first show. */
export function useReloadOnReturn(reload: () => Promise<void>): void {
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void reload()
    shown.current = true
  })
}
