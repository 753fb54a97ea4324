import Busboy from 'busboy'
import { randomBytes } from 'node:crypto'
import type { Express, Request, Response } from 'express'
import type { Platform } from '../../../core/kernel/platform'
import { LocalFileStorage } from './local-file-storage'

/** Hard cap of the local upload endpoint; each area's own, smaller limits are checked by its function. */
export const UPLOAD_HARD_LIMIT_BYTES = 20 * 1024 * 1024
const CLOUD_PATH = /^[a-z][a-z0-9_-]{0,31}\/[A-Za-z0-9_\-./]{1,200}$/
const OPENID_PATTERN = /^[A-Za-z0-9_-]{3,64}$/

/**
 * The local stand-in for CloudBase storage's upload and download endpoints:
 * - POST /storage/upload: multipart/form-data as Taro.uploadFile sends it on H5 — an optional `cloudPath`
 *   field (like Taro.cloud.uploadFile's argument) and one file; answers { ok, data: { fileId } }.
 * - GET /storage/<cloudPath>?expires=…&sign=…: the temp URLs Storage.tempUrls hands out.
 */
export function mountStorageRoutes(app: Express, platform: Platform): void {
  app.post('/storage/upload', (req, res) => {
    const storage = platform.ports.storage
    const openid = req.header('x-dev-openid')
    if (!openid || !OPENID_PATTERN.test(openid)) return void res.json({ ok: false, code: 'AUTH.UNAUTHENTICATED', message: '请先选择体验身份' })
    if (!(storage instanceof LocalFileStorage)) return void res.status(500).json({ ok: false, code: 'INTERNAL', message: '本地存储未配置' })
    receiveUpload(req, res, storage)
  })

  app.get('/storage/*cloudPath', (req, res) => {
    const storage = platform.ports.storage
    if (!(storage instanceof LocalFileStorage)) return void res.status(404).end()
    const segments = (req.params as { cloudPath: string[] }).cloudPath
    const result = storage.readSigned(segments.join('/'), Number(req.query.expires), String(req.query.sign ?? ''))
    if (result === 'missing') return void res.status(404).type('text/plain').send('not found')
    if (result === 'expired' || result === 'forbidden') return void res.status(403).type('text/plain').send(result)
    res.setHeader('Cache-Control', 'private, max-age=300')
    res.setHeader('X-Content-Type-Options', 'nosniff')
    res.type(result.contentType).send(result.content)
  })
}

function receiveUpload(req: Request, res: Response, storage: LocalFileStorage): void {
  let bb: ReturnType<typeof Busboy>
  try {
    bb = Busboy({ headers: req.headers, limits: { files: 1, fields: 5, fileSize: UPLOAD_HARD_LIMIT_BYTES } })
  } catch {
    return void res.json({ ok: false, code: 'VALIDATION.FAILED', message: '请以 multipart/form-data 上传文件' })
  }
  let cloudPath: string | undefined
  let file: { chunks: Buffer[]; truncated: boolean; name: string } | undefined
  bb.on('field', (name, value) => {
    if (name === 'cloudPath') cloudPath = value
  })
  bb.on('file', (_field, stream, info) => {
    const current = { chunks: [] as Buffer[], truncated: false, name: info.filename ?? '' }
    file = current
    stream.on('data', (chunk: Buffer) => current.chunks.push(chunk))
    stream.on('limit', () => {
      current.truncated = true
    })
  })
  bb.on('error', () => {
    if (!res.headersSent) res.json({ ok: false, code: 'VALIDATION.FAILED', message: '上传内容无法解析' })
  })
  bb.on('close', async () => {
    if (res.headersSent) return
    if (!file || file.chunks.length === 0) return void res.json({ ok: false, code: 'VALIDATION.FAILED', message: '没有收到文件' })
    if (file.truncated) return void res.json({ ok: false, code: 'FILE.TOO_LARGE', message: `单个文件不能超过 ${UPLOAD_HARD_LIMIT_BYTES / 1024 / 1024}MB` })
    const target = cloudPath ?? `uploads/${Date.now().toString(36)}-${randomBytes(6).toString('hex')}${extensionOf(file.name)}`
    if (!CLOUD_PATH.test(target) || target.split('/').some((s) => s === '' || s === '.' || s === '..')) {
      return void res.json({ ok: false, code: 'VALIDATION.FAILED', message: 'cloudPath 格式不正确' })
    }
    const { fileId } = await storage.put(target, Buffer.concat(file.chunks))
    res.json({ ok: true, data: { fileId } })
  })
  req.pipe(bb)
}

function extensionOf(name: string): string {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(name)
  return m ? `.${m[1].toLowerCase()}` : ''
}
