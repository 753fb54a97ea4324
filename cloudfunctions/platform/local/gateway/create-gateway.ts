import express, { type Express } from 'express'
import fs from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import type { Platform } from '../../../core/kernel/platform'
import { invokeLocal, asConsole } from '../invoke-local'
import { callFunctionAsUser } from './function-call'
import { fastFunctionRoute } from './fast-function-route'
import { PERSONAS } from '../demo/personas'
import { createSandboxPayRouter } from '../sandbox-pay/sandbox-pay.router'
import { mountStorageRoutes } from '../file-storage/storage-routes'
import { mountOutboxRoutes } from '../outbox/outbox-routes'
import { apiNotFound, BODY_LIMIT, gatewayErrorHandler } from './gateway-errors'

export interface GatewayOptions {
  platform: Platform
  /** Folder of the H5 build to serve at "/" (dist/h5). */
  h5Dir?: string
}

const OPENID_HEADER = 'x-dev-openid'

/**
 * The local stand-in for CloudBase's edge: POST /fn/<name> is callFunction with the caller's openid taken
 * from the persona header (what WeChat would put in WX_OPENID); POST /console/fn/<name> is an ops person
 * invoking a function from the CloudBase console; "/" serves the H5 build.
 */
export function createGateway({ platform, h5Dir }: GatewayOptions): Express {
  const app = express()
  app.disable('x-powered-by')
  // inflate: false — a compressed body (gzip, deflate, br or anything unknown) is refused, not unpacked:
  // nothing legitimate sends one, and unpacking is how a 2 MB limit becomes a zip bomb.
  app.use(express.json({ limit: BODY_LIMIT, inflate: false }))

  app.get('/healthz', (_req, res) => {
    res.json({ ok: true })
  })
  app.get('/dev/personas', (_req, res) => {
    res.json({ ok: true, data: PERSONAS })
  })

  app.post('/fn/:name', async (req, res) => {
    res.json(await callFunctionAsUser(platform, String(req.params.name), req.header(OPENID_HEADER), req.body))
  })

  app.use(createSandboxPayRouter(platform))

  app.post('/console/fn/:name', async (req, res) => {
    // Local only: whoever reaches this 127.0.0.1 port is the developer. In CloudBase a console call needs a
    // console token and a non-client invocation source (platform/cloudbase/entry-caller.ts).
    res.json(await invokeLocal(platform, String(req.params.name), req.body, asConsole))
  })
  mountStorageRoutes(app, platform)
  mountOutboxRoutes(app, platform)

  app.use(['/fn', '/console', '/sandbox-pay', '/storage', '/dev'], apiNotFound)

  if (h5Dir && fs.existsSync(path.join(h5Dir, 'index.html'))) {
    app.use(express.static(h5Dir, { index: 'index.html', maxAge: 0 }))
  } else {
    app.get('/', (_req, res) => {
      res.type('text/plain; charset=utf-8').send('H5 build not found: run `npm run build:h5` (npm start does it for you).')
    })
  }
  // Last: express.json() refuses bad bodies before our routes, static files can fail too; every error is
  // answered in the functions' own shape, never with Express's page (stack, file paths).
  app.use(gatewayErrorHandler(platform))
  // The hot route first, without Express (fast-function-route.ts); whatever it declines Express serves.
  // Express's app function calls app.handle, so this covers app.listen() and http.createServer(app) alike.
  const fast = fastFunctionRoute(platform)
  const handle = (app as unknown as { handle: HandleFn }).handle.bind(app)
  ;(app as unknown as { handle: HandleFn }).handle = (req, res, next) => {
    if (!fast(req, res)) handle(req, res, next)
  }
  return app
}

type HandleFn = (req: IncomingMessage, res: ServerResponse, next?: (err?: unknown) => void) => void
