import { shanghaiDate, shanghaiParts } from '@/services/format'
import type { AccessLogEntry, VisitorPass } from '@contracts/access.contract'
import { REFUSAL_LABELS } from '@contracts/access.contract'

export const VISITOR_STATUS_LABEL: Record<VisitorPass['status'], string> = {
  active: '有效',
  not_started: '未开始',
  expired: '已过期',
  used_up: '次数已用完',
  revoked: '已撤销',
}

export const CHANNEL_LABEL: Record<AccessLogEntry['channel'], string> = {
  remote: '一键开门',
  visitor_remote: '访客开门',
  reader: '扫码开门',
}

export function resultLabel(e: Pick<AccessLogEntry, 'result' | 'reason'>): string {
  return e.result === 'allowed' ? '已通行' : `未通行 · ${e.reason ? REFUSAL_LABELS[e.reason] : '未知原因'}`
}

const pad = (n: number) => String(n).padStart(2, '0')

/** "11月22日 10:00" in Beijing time, whatever the phone's zone. */
export function shortTime(iso: string): string {
  const d = shanghaiParts(iso)
  return `${d.m}月${d.d}日 ${pad(d.h)}:${pad(d.min)}`
}

export function windowLabel(p: Pick<VisitorPass, 'startsAt' | 'endsAt'>): string {
  const end = shanghaiParts(p.endsAt)
  const sameDay = shanghaiDate(p.startsAt) === shanghaiDate(p.endsAt)
  return `${shortTime(p.startsAt)} 至 ${sameDay ? `${pad(end.h)}:${pad(end.min)}` : shortTime(p.endsAt)}`
}

/** The share card's page; passId + token are the visitor's whole credential. */
export function visitorPagePath(p: { passId: string; shareToken: string }): string {
  return `/packages/access/pages/visitor/index?passId=${encodeURIComponent(p.passId)}&token=${encodeURIComponent(p.shareToken)}`
}
