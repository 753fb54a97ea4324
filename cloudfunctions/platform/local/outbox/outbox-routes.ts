import type { Express } from 'express'
import type { Platform } from '../../../core/kernel/platform'
import { must } from '../../../core/kernel/db-result'
import { OUTBOX_COLLECTION, type OutboxDoc } from './outbox-notifier'

const OPENID_PATTERN = /^[A-Za-z0-9_-]{3,64}$/

/**
 * GET /dev/outbox[?openid=…][&limit=…]: the subscribe messages "sent" in the local world, newest first,
 * for the dev UI's message drawer and for anyone trying the demo without a phone.
 */
export function mountOutboxRoutes(app: Express, platform: Platform): void {
  app.get('/dev/outbox', async (req, res) => {
    const openid = typeof req.query.openid === 'string' ? req.query.openid : undefined
    if (openid !== undefined && !OPENID_PATTERN.test(openid)) return void res.json({ ok: false, code: 'VALIDATION.FAILED', message: 'openid 格式不正确' })
    const limit = Math.min(Math.max(Number(req.query.limit) || 50, 1), 200)
    const coll = platform.db.collection(OUTBOX_COLLECTION)
    const query = openid ? coll.where({ toOpenid: openid }) : coll.where({})
    const rows = must(await query.orderBy('sentAt', 'desc').limit(limit).get()).data as OutboxDoc[]
    res.json({
      ok: true,
      data: rows.map((r) => ({ id: r._id, toOpenid: r.toOpenid, template: r.template, page: r.page, data: r.data, sentAt: new Date(r.sentAt).toISOString() })),
    })
  })
}
