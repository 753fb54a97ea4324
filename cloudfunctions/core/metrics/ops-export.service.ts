import type { Platform } from '../kernel/platform'
import { DomainError } from '../kernel/domain-error'
import { storageOf } from '../kernel/ports/storage.port'
import { opsCsv } from './ops-csv'
import { opsDashboard } from './ops-dashboard.query'

/** Download links last a day: long enough to open from the console or a chat, short enough not to linger. */
export const EXPORT_LINK_SECONDS = 86_400

/**
 * Writes the month's dashboard as CSV into cloud storage under exports/ops/<community>/ — in production the
 * file is what the CloudBase console's storage panel lists — and answers its fileID and a temporary link.
 * Each export is a new file (its name carries the time), so repeating it never overwrites one already sent.
 */
export async function exportOpsDashboard(platform: Platform, communityId: string, month: string, requestKey: string) {
  const now = platform.clock.now()
  const report = await opsDashboard(platform.db, communityId, month, now)
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')
  const safeKey = requestKey.replace(/[^A-Za-z0-9_-]/g, '').slice(-12) || 'x'
  const fileName = `运营看板-${report.communityName || communityId}-${month}-${stamp}.csv`
  const cloudPath = `exports/ops/${communityId}/${month}-${stamp}-${safeKey}.csv`
  const storage = storageOf(platform)
  const { fileId } = await storage.put(cloudPath, Buffer.from(opsCsv(report.rows), 'utf8'), 'text/csv; charset=utf-8')
  const url = (await storage.tempUrls([fileId], EXPORT_LINK_SECONDS))[fileId]
  if (!url) throw new DomainError('INTERNAL', '导出文件已写入，但暂时无法生成下载链接，请稍后重试')
  platform.logger.info('ops.exported', { communityId, month, rows: report.rows.length })
  return { fileId, fileName, url, rows: report.rows.length, expiresAt: new Date(now.getTime() + EXPORT_LINK_SECONDS * 1000).toISOString() }
}
