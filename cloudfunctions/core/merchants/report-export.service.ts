import type { Platform } from '../kernel/platform'
import { DomainError } from '../kernel/domain-error'
import { storageOf } from '../kernel/ports/storage.port'
import { yuan } from '../kernel/money'
import { EXPORT_LINK_SECONDS, csvCell } from '../metrics'
import { merchantReport, type MerchantReportRow } from './report.query'

const COLUMNS: [string, (r: MerchantReportRow) => string | number][] = [
  ['商户', (r) => r.name],
  ['月份', (r) => r.month],
  ['订单数', (r) => r.orders],
  ['GMV(元)', (r) => yuan(r.gmvFen)],
  ['已退款(元)', (r) => yuan(r.refundFen)],
  ['扣点(元)', (r) => yuan(r.commissionFen)],
  ['已通过分账(元)', (r) => yuan(r.viaSharingFen)],
  ['应付净额(元)', (r) => yuan(r.netPayableFen)],
  ['结算状态', (r) => (r.settled ? '已结算' : '未结算(预估)')],
  ['发票待开', (r) => r.invoicesRequested],
  ['发票已开', (r) => r.invoicesIssued],
]

export function merchantReportCsv(rows: MerchantReportRow[]): string {
  const lines = [COLUMNS.map(([h]) => csvCell(h)).join(','), ...rows.map((r) => COLUMNS.map(([, f]) => csvCell(f(r))).join(','))]
  // BOM: Excel opens the Chinese headers correctly (as the ops dashboard export does).
  return `\ufeff${lines.join('\r\n')}\r\n`
}

/**
 * The month's merchant report as CSV in cloud storage under exports/merchants/<community>/, through the
 * Storage port, exactly like the ops dashboard export (core/metrics/ops-export.service.ts): a new file per
 * export and a day-long link.
 */
export async function exportMerchantReport(platform: Platform, communityId: string, month: string, requestKey: string) {
  const now = platform.clock.now()
  const rows = await merchantReport(platform, communityId, month)
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')
  const safeKey = requestKey.replace(/[^A-Za-z0-9_-]/g, '').slice(-12) || 'x'
  const storage = storageOf(platform)
  const { fileId } = await storage.put(`exports/merchants/${communityId}/${month}-${stamp}-${safeKey}.csv`, Buffer.from(merchantReportCsv(rows), 'utf8'), 'text/csv; charset=utf-8')
  const url = (await storage.tempUrls([fileId], EXPORT_LINK_SECONDS))[fileId]
  if (!url) throw new DomainError('INTERNAL', '导出文件已写入，但暂时无法生成下载链接，请稍后重试')
  return { fileId, fileName: `商户结算-${month}-${stamp}.csv`, url, rows: rows.length, expiresAt: new Date(now.getTime() + EXPORT_LINK_SECONDS * 1000).toISOString() }
}
