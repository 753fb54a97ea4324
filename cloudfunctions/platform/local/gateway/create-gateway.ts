import express, { type Express } from 'express'
import fs from 'node:fs'
import path from 'node:path'
import type { Platform } from '../../../core/kernel/platform'
import { invokeLocal, asConsole, asUser } from '../invoke-local'
import { PERSONAS } from '../demo/personas'
import { createSandboxPayRouter } from '../sandbox-pay/sandbox-pay.router'
import { mountStorageRoutes } from '../file-storage/storage-routes'
import { mountOutboxRoutes } from '../outbox/outbox-routes'

export interface GatewayOptions {
  platform: Platform
  /** Folder of the H5 build to serve at "/" (dist/h5). */
  h5Dir?: string
}

const OPENID_HEADER = 'x-dev-openid'
const OPENID_PATTERN = /^[A-Za-z0-9_-]{3,64}$/

/**
 * The local stand-in for CloudBase's edge: POST /fn/<name> is callFunction with the caller's openid taken
 * from the persona header (what WeChat would put in WX_OPENID); POST /console/fn/<name> is an ops person
 * invoking a function from the CloudBase console; "/" serves the H5 build.
 */
export function createGateway({ platform, h5Dir }: GatewayOptions): Express {
  const app = express()
  app.disable('x-powered-by')
  app.use(express.json({ limit: '2mb' }))

  app.get('/healthz', (_req, res) => {
    res.json({ ok: true })
  })
  app.get('/dev/personas', (_req, res) => {
    res.json({ ok: true, data: PERSONAS })
  })

  app.post('/fn/:name', async (req, res) => {
    const openid = req.header(OPENID_HEADER)
    if (!openid || !OPENID_PATTERN.test(openid)) {
      res.json({ ok: false, code: 'AUTH.UNAUTHENTICATED', message: '请先选择体验身份' })
      return
    }
    res.json(await invokeLocal(platform, String(req.params.name), req.body, asUser(openid)))
  })

  app.use(createSandboxPayRouter(platform))

  app.post('/console/fn/:name', async (req, res) => {
    res.json(await invokeLocal(platform, String(req.params.name), req.body, asConsole))
  })
  mountStorageRoutes(app, platform)
  mountOutboxRoutes(app, platform)

  // express.json() rejects malformed JSON before our routes; answer it in the functions' own shape.
  app.use((err: { type?: string; status?: number }, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (err?.type === 'entity.parse.failed') {
      res.status(200).json({ ok: false, code: 'VALIDATION.FAILED', message: '提交的信息不完整或格式不正确', issues: [{ path: '(root)', message: '请求体不是合法 JSON' }] })
      return
    }
    next(err)
  })

  if (h5Dir && fs.existsSync(path.join(h5Dir, 'index.html'))) {
    app.use(express.static(h5Dir, { index: 'index.html', maxAge: 0 }))
  } else {
    app.get('/', (_req, res) => {
      res.type('text/plain; charset=utf-8').send('H5 build not found: run `npm run build:h5` (npm start does it for you).')
    })
  }
  return app
}
