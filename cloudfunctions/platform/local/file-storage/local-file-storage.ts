import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Storage, StoredFileInfo } from '../../../core/kernel/ports/storage.port'
import { cloudPathOf } from '../../../core/kernel/ports/storage.port'
import { sniffContentType } from '../../../core/storage/sniff-content-type'

export const LOCAL_BUCKET = 'local-env.local-bucket'
const DEFAULT_MAX_AGE_S = 3600

interface Meta {
  size: number
  contentType: string
  uploadedAt: string
}

/**
 * Cloud storage for the local world: files under <rootDir>/files/<cloudPath> (metadata beside them under
 * meta/), or in memory when no rootDir is given (tests). Temp URLs are gateway paths signed with a
 * per-process secret and an expiry, so they stop working like CloudBase's temporary links do.
 */
export class LocalFileStorage implements Storage {
  private readonly memory = new Map<string, { content: Buffer; meta: Meta }>()
  private readonly secret: Buffer

  constructor(private readonly options: { rootDir?: string; now?: () => Date; secret?: Buffer } = {}) {
    this.secret = options.secret ?? randomBytes(32)
  }

  private now(): Date {
    return this.options.now?.() ?? new Date()
  }

  async put(cloudPath: string, content: Buffer): Promise<{ fileId: string }> {
    const fileId = `cloud://${LOCAL_BUCKET}/${cloudPath}`
    if (!cloudPathOf(fileId) || !/^[A-Za-z0-9_\-./]+$/.test(cloudPath)) throw new Error(`invalid cloudPath ${cloudPath}`)
    const meta: Meta = { size: content.length, contentType: sniffContentType(content), uploadedAt: this.now().toISOString() }
    const { rootDir } = this.options
    if (!rootDir) {
      this.memory.set(cloudPath, { content: Buffer.from(content), meta })
    } else {
      const file = path.join(rootDir, 'files', cloudPath)
      fs.mkdirSync(path.dirname(file), { recursive: true })
      fs.writeFileSync(file, content)
      const metaFile = path.join(rootDir, 'meta', `${cloudPath}.json`)
      fs.mkdirSync(path.dirname(metaFile), { recursive: true })
      fs.writeFileSync(metaFile, JSON.stringify(meta))
    }
    return { fileId }
  }

  private metaOf(cloudPath: string): Meta | undefined {
    if (!this.options.rootDir) return this.memory.get(cloudPath)?.meta
    const metaFile = path.join(this.options.rootDir, 'meta', `${cloudPath}.json`)
    return fs.existsSync(metaFile) ? (JSON.parse(fs.readFileSync(metaFile, 'utf8')) as Meta) : undefined
  }

  async stat(fileIds: string[]): Promise<StoredFileInfo[]> {
    const out: StoredFileInfo[] = []
    for (const fileId of fileIds) {
      const p = localPath(fileId)
      const meta = p ? this.metaOf(p) : undefined
      if (meta) out.push({ fileId, size: meta.size, contentType: meta.contentType })
    }
    return out
  }

  async tempUrls(fileIds: string[], maxAgeSeconds = DEFAULT_MAX_AGE_S): Promise<Record<string, string>> {
    const expires = this.now().getTime() + maxAgeSeconds * 1000
    const out: Record<string, string> = {}
    for (const fileId of fileIds) {
      const p = localPath(fileId)
      if (p && this.metaOf(p)) out[fileId] = `/storage/${p.split('/').map(encodeURIComponent).join('/')}?expires=${expires}&sign=${this.sign(p, expires)}`
    }
    return out
  }

  async remove(fileIds: string[]): Promise<void> {
    for (const fileId of fileIds) {
      const p = localPath(fileId)
      if (!p) continue
      if (!this.options.rootDir) this.memory.delete(p)
      else for (const f of [path.join(this.options.rootDir, 'files', p), path.join(this.options.rootDir, 'meta', `${p}.json`)]) fs.rmSync(f, { force: true })
    }
  }

  /** What GET /storage/<path> serves: the bytes when the signature is right and not expired. */
  readSigned(cloudPath: string, expires: number, sign: string): { content: Buffer; contentType: string } | 'expired' | 'forbidden' | 'missing' {
    const expected = Buffer.from(this.sign(cloudPath, expires))
    const given = Buffer.from(sign)
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'forbidden'
    if (!Number.isFinite(expires) || expires < this.now().getTime()) return 'expired'
    const meta = cloudPathOf(`cloud://${LOCAL_BUCKET}/${cloudPath}`) ? this.metaOf(cloudPath) : undefined
    if (!meta) return 'missing'
    const content = this.options.rootDir ? fs.readFileSync(path.join(this.options.rootDir, 'files', cloudPath)) : this.memory.get(cloudPath)!.content
    return { content, contentType: meta.contentType }
  }

  private sign(cloudPath: string, expires: number): string {
    return createHmac('sha256', this.secret).update(`${cloudPath}\n${expires}`).digest('base64url')
  }
}

/** Only fileIDs of this bucket name local files. */
function localPath(fileId: string): string | null {
  return fileId.startsWith(`cloud://${LOCAL_BUCKET}/`) ? cloudPathOf(fileId) : null
}

/** Files under <dataDir>/storage when the stack has a data dir (npm start, e2e), memory otherwise (tests). */
export function createLocalFileStorage(dataDir: string | undefined, clock: { now(): Date }): LocalFileStorage {
  return new LocalFileStorage({ rootDir: dataDir ? path.join(dataDir, 'storage') : undefined, now: () => clock.now() })
}
