import https from 'node:https'
import type { Storage, StoredFileInfo } from '../../core/kernel/ports/storage.port'
import { sniffContentType } from '../../core/storage/sniff-content-type'

/** The slice of the @cloudbase/node-sdk app this adapter uses (a fake in unit tests). */
export interface CloudbaseStorageApi {
  uploadFile(options: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>
  getTempFileURL(options: { fileList: { fileID: string; maxAge: number }[] }): Promise<{ fileList?: { code: string; fileID: string; tempFileURL: string }[]; code?: string; message?: string }>
  deleteFile(options: { fileList: string[] }): Promise<unknown>
}

/** First bytes of a file plus its total size, read with a Range request on a temp URL. */
export type HeadReader = (url: string) => Promise<{ head: Buffer; size: number } | null>

/** getTempFileURL takes at most 50 fileIDs per call. */
const BATCH = 50
const SNIFF_BYTES = 32

/**
 * Cloud storage through @cloudbase/node-sdk. `stat` does not trust the type COS recorded at upload (that
 * is whatever the client declared); it reads the first bytes over a temp URL and sniffs them, and takes
 * the size from Content-Range — one small ranged GET per file, only when a function accepts uploads.
 */
export function createCloudbaseStorage(app: CloudbaseStorageApi, readHead: HeadReader = rangeHead): Storage {
  async function urls(fileIds: string[], maxAge: number): Promise<Map<string, string>> {
    const out = new Map<string, string>()
    for (let i = 0; i < fileIds.length; i += BATCH) {
      const res = await app.getTempFileURL({ fileList: fileIds.slice(i, i + BATCH).map((fileID) => ({ fileID, maxAge })) })
      if (res.code) throw new Error(`getTempFileURL failed: ${res.code}`)
      for (const f of res.fileList ?? []) if (f.code === 'SUCCESS' && f.tempFileURL) out.set(f.fileID, f.tempFileURL)
    }
    return out
  }
  return {
    async put(cloudPath, content) {
      const res = await app.uploadFile({ cloudPath, fileContent: content })
      return { fileId: res.fileID }
    },
    async stat(fileIds) {
      const found = await urls(fileIds, 300)
      const out: StoredFileInfo[] = []
      for (const fileId of fileIds) {
        const url = found.get(fileId)
        const head = url ? await readHead(url) : null
        if (head) out.push({ fileId, size: head.size, contentType: sniffContentType(head.head) })
      }
      return out
    },
    async tempUrls(fileIds, maxAgeSeconds = 3600) {
      return Object.fromEntries(await urls(fileIds, maxAgeSeconds))
    },
    async remove(fileIds) {
      for (let i = 0; i < fileIds.length; i += BATCH) await app.deleteFile({ fileList: fileIds.slice(i, i + BATCH) })
    },
  }
}

function rangeHead(url: string): Promise<{ head: Buffer; size: number } | null> {
  return new Promise((resolve) => {
    const req = https.get(url, { headers: { Range: `bytes=0-${SNIFF_BYTES - 1}` }, timeout: 5000 }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => {
        chunks.push(c)
        if (Buffer.concat(chunks).length >= SNIFF_BYTES) res.destroy()
      })
      const done = () => {
        if (res.statusCode !== 200 && res.statusCode !== 206) return resolve(null)
        const total = /\/(\d+)$/.exec(String(res.headers['content-range'] ?? ''))?.[1] ?? res.headers['content-length']
        resolve({ head: Buffer.concat(chunks).subarray(0, SNIFF_BYTES), size: Number(total) || 0 })
      }
      res.on('end', done)
      res.on('close', done)
    })
    req.on('timeout', () => req.destroy())
    req.on('error', () => resolve(null))
  })
}
