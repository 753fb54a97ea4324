import { useRef } from 'react'
import { useDidHide, useDidShow } from '@tarojs/taro'

/**
 * Reload when the person comes back to this page (after paying, rating, marking delivered…): a show that
 * follows a hide. Keyed on the hide rather than on skipping the first show, because a component mounted
 * after the page appeared (a home board that waits for the caller's roles) never sees the first show, and
 * skipping "its" first show skipped the return instead, leaving a stale count on the home tab.
 */
export function useReloadOnReturn(reload: () => unknown): void {
  const hidden = useRef(false)
  useDidHide(() => {
    hidden.current = true
  })
  useDidShow(() => {
    if (!hidden.current) return
    hidden.current = false
    void reload()
  })
}
