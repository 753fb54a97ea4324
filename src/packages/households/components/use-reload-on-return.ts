import { useRef } from 'react'
import { useDidShow } from '@tarojs/taro'

/** Reload when the user comes back to the page (not on first show: the query already loads on mount). */
export function useReloadOnReturn(reload: () => Promise<void>): void {
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void reload()
    shown.current = true
  })
}
