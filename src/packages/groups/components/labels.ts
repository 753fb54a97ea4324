import type { GroupStage } from '@contracts/groups.contract'
import { BRAND, INFO, MUTED } from '@/styles/tokens'

export const STAGE_COLORS: Record<GroupStage, string> = { strong: BRAND, daily: INFO, weak: MUTED }

/** "11月29日 10:00" in Beijing time, whatever the phone's zone. */
export function formatDateTime(iso: string): string {
  const d = new Date(Date.parse(iso) + 8 * 3600_000)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

/** "还剩 6 天 23 小时" / "还剩 5 小时" / "已过期": precise enough to plan the renewal by. */
export function timeLeft(iso: string, now = Date.now()): string {
  const ms = Date.parse(iso) - now
  if (ms <= 0) return '已过期'
  const hours = Math.floor(ms / 3600_000)
  if (hours < 24) return `还剩 ${Math.max(1, hours)} 小时`
  return hours % 24 ? `还剩 ${Math.floor(hours / 24)} 天 ${hours % 24} 小时` : `还剩 ${hours / 24} 天`
}

export const KIND_SHORT = { owners: '业主群', tenants: '租户群', merchants: '商户群', all: '全体住户群' } as const
