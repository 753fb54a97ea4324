import type { Express } from 'express'
import type { Platform } from '../../../core/kernel/platform'
import { must } from '../../../core/kernel/db-result'
import { OUTBOX_COLLECTION, type OutboxDoc } from './outbox-notifier'

const OPENID_PATTERN = /^[A-Za-z0-9_-]{3,64}$/

/**
 * GET /dev/outbox[?limit=…] — LOCAL DEVELOPMENT TOOL, never deployed (CloudBase sends real subscribe
 * messages): the messages "sent" to the current dev persona (x-dev-openid, the same stand-in for WX_OPENID
 * as /fn), newest first, so the demo can be tried without a phone. One persona never sees another's.
 */
export function mountOutboxRoutes(app: Express, platform: Platform): void {
  app.get('/dev/outbox', async (req, res) => {
    const openid = req.header('x-dev-openid')
    if (!openid || !OPENID_PATTERN.test(openid)) return void res.json({ ok: false, code: 'AUTH.UNAUTHENTICATED', message: '请先选择体验身份（本地开发工具，只列出该身份收到的消息）' })
    const asked = typeof req.query.openid === 'string' ? req.query.openid : undefined
    if (asked !== undefined && asked !== openid) return void res.json({ ok: false, code: 'AUTH.FORBIDDEN', message: '只能查看当前体验身份收到的消息' })
    const limit = Math.min(Math.max(Number(req.query.limit) || 50, 1), 200)
    const query = platform.db.collection(OUTBOX_COLLECTION).where({ toOpenid: openid })
    const rows = must(await query.orderBy('sentAt', 'desc').limit(limit).get()).data as OutboxDoc[]
    res.json({
      ok: true,
      data: rows.map((r) => ({ id: r._id, toOpenid: r.toOpenid, template: r.template, page: r.page, data: r.data, sentAt: new Date(r.sentAt).toISOString() })),
    })
  })
}
