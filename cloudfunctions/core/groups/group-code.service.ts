import type { Platform } from '../kernel/platform'
import type { CallerAccess } from '../auth'
import { must } from '../kernel/db-result'
import { DomainError } from '../kernel/domain-error'
import { loadManagedGroup } from './group-access'
import { checkCodeFile } from './group-files'
import { GROUP_COLLECTIONS, type GroupCode, type GroupDoc } from './group.model'
import { CODE_REMIND_BEFORE_MS, CODE_VALID_MS } from './lifecycle.rules'
import { alertId, raiseAlert } from './steward-alerts'
import { shanghaiDateTime } from './shanghai-time'

/** Clock skew we forgive between the phone that says when the QR was saved and the server. */
const FUTURE_SKEW_MS = 5 * 60_000
const BATCH = 100

/**
 * The steward uploads the group's QR image with the moment it was saved in WeChat. The code expires 7
 * days after saving (WeChat's rule for group QR codes), so one that is already past that is refused
 * rather than stored; the reminder is scheduled for a day before expiry. Every check runs before the write.
 */
export async function uploadCode(platform: Platform, access: CallerAccess, input: { groupId: string; fileId: string; savedAt: string }): Promise<GroupDoc> {
  const db = platform.db
  const now = platform.clock.now()
  const group = await loadManagedGroup(db, access, input.groupId)
  const savedAt = new Date(input.savedAt)
  if (savedAt.getTime() > now.getTime() + FUTURE_SKEW_MS) throw new DomainError('GROUP.CODE_DATE_INVALID', '二维码的保存时间不能晚于现在')
  const expiresAt = new Date(savedAt.getTime() + CODE_VALID_MS)
  if (expiresAt.getTime() <= now.getTime()) {
    throw new DomainError('GROUP.CODE_EXPIRED', '这张二维码保存已超过 7 天，已经失效，请在微信群里重新保存二维码后上传')
  }
  if (platform.ports.storage) await checkCodeFile(platform, input.fileId)
  const code: GroupCode = { fileId: input.fileId, savedAt, expiresAt, uploadedAt: now, uploadedBy: access.openid }
  const patch = { code, codeRemindAt: new Date(expiresAt.getTime() - CODE_REMIND_BEFORE_MS), codeReminded: false, updatedAt: now }
  must(await db.collection(GROUP_COLLECTIONS.groups).doc(group._id).update({ ...patch, code: db.command.set(code) }))
  return { ...group, ...patch }
}

/**
 * Timer: reminds each steward once per code, a day before it lapses (or at once if the timer was down).
 * Resumable and idempotent: the alert's id is derived from group and file, so a crash after alerting but
 * before marking makes the re-run find the alert already raised and only mark; the mark is conditional
 * on the same file, so a code replaced meanwhile keeps its own reminder.
 */
export async function remindExpiringCodes(platform: Platform): Promise<{ reminded: number }> {
  const db = platform.db
  const _ = db.command
  const now = platform.clock.now()
  let reminded = 0
  for (;;) {
    const due = must(
      await db.collection(GROUP_COLLECTIONS.groups).where({ codeReminded: false, status: 'active', codeRemindAt: _.lte(now) }).limit(BATCH).get(),
    ).data as GroupDoc[]
    if (due.length === 0) break
    for (const g of due) {
      if (!g.code) {
        must(await db.collection(GROUP_COLLECTIONS.groups).doc(g._id).update({ codeReminded: true }))
        continue
      }
      const lapsed = new Date(g.code.expiresAt).getTime() <= now.getTime()
      const at = shanghaiDateTime(g.code.expiresAt)
      const raised = await raiseAlert(
        platform,
        {
          _id: alertId('code', g._id, g.code.fileId),
          communityId: g.communityId,
          stewardOpenid: g.stewardOpenid,
          type: 'code_expiring',
          groupId: g._id,
          title: lapsed ? `「${g.name}」二维码已过期` : `「${g.name}」二维码明天过期`,
          text: `二维码有效期至 ${at}，请在群里重新保存二维码并上传`,
        },
        now,
      )
      if (raised) reminded += 1
      must(await db.collection(GROUP_COLLECTIONS.groups).where({ _id: g._id, 'code.fileId': g.code.fileId }).update({ codeReminded: true }))
    }
    if (due.length < BATCH) break
  }
  return { reminded }
}
