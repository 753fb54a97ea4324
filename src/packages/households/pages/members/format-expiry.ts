import { shanghaiParts } from '@/services/format'

/** "11月23日 10:00" in Beijing time: the deadline reads the same on a phone set to any zone. */
export function formatExpiry(iso: string): string {
  const d = shanghaiParts(iso)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.m}月${d.d}日 ${pad(d.h)}:${pad(d.min)}`
}
