import type { StewardTask } from '../../contracts/groups.contract'
import type { Platform } from '../kernel/platform'
import type { CallerAccess } from '../auth'
import { must } from '../kernel/db-result'
import { GROUP_COLLECTIONS, type GroupAlertDoc, type GroupDoc } from './group.model'
import { codeStatus } from './lifecycle.rules'
import { loadPlaybooks } from './playbook.service'
import { listGroups } from './registry.service'
import { shanghaiDate, shanghaiDateTime, starterDay } from './shanghai-time'

/**
 * The steward's 今日任务, derived from the groups' state rather than stored: today's starter-programme
 * post for each group in its first week, codes to renew, silent groups to move members out of, plus
 * the open alerts residents' join attempts raised. Three reads whatever the day.
 */
export async function todayTasks(platform: Platform, access: CallerAccess, communityId: string): Promise<{ date: string; tasks: StewardTask[] }> {
  const db = platform.db
  const now = platform.clock.now()
  const [groups, playbooks, alerts] = await Promise.all([
    listGroups(db, access, communityId),
    loadPlaybooks(db, communityId),
    db.collection(GROUP_COLLECTIONS.alerts).where({ stewardOpenid: access.openid, status: 'open', communityId, type: 'no_group' }).orderBy('createdAt', 'desc').limit(20).get(),
  ])
  const planOf = new Map(playbooks.map((p) => [p.kind, p.starterPlan]))
  const tasks: StewardTask[] = []
  for (const g of groups.filter((x) => x.status === 'active')) {
    tasks.push(...groupTasks(g, planOf.get(g.kind) ?? [], now))
  }
  for (const a of must(alerts).data as GroupAlertDoc[]) {
    tasks.push({ id: a._id, type: 'no_group', groupId: a.groupId, groupName: null, title: a.title, text: a.text, ackable: true })
  }
  return { date: shanghaiDate(now), tasks }
}

function groupTasks(g: GroupDoc, plan: { day: number; title: string; text: string }[], now: Date): StewardTask[] {
  const out: StewardTask[] = []
  const base = { groupId: g._id, groupName: g.name, ackable: false }
  const status = codeStatus(g.code, now)
  if (status === 'expiring') {
    out.push({ ...base, id: `code-${g._id}`, type: 'code_expiring', title: '二维码即将过期', text: `有效期至 ${shanghaiDateTime(g.code!.expiresAt)}，请在群里重新保存二维码并上传` })
  } else if (status === 'expired' || status === 'none') {
    out.push({ ...base, id: `code-${g._id}`, type: 'code_expired', title: status === 'none' ? '还没有上传二维码' : '二维码已过期', text: '住户暂时无法通过活码加入本群，请上传新的群二维码' })
  }
  const day = starterDay(g, now)
  const step = day ? plan.find((p) => p.day === day) : undefined
  if (step) out.push({ ...base, id: `starter-${g._id}-${day}`, type: 'starter_post', title: `入群第 ${day} 天：${step.title}`, text: step.text })
  if (g.silent) out.push({ ...base, id: `silent-${g._id}`, type: 'silent_group', title: '社群已沉寂', text: '群内互动很少，建议把仍活跃的成员邀请到活跃的群' })
  return out
}
