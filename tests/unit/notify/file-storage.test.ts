import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { LocalFileStorage } from '../../../cloudfunctions/platform/local/file-storage/local-file-storage'
import { checkFiles, IMAGE_TYPES } from '../../../cloudfunctions/core/storage/file-rules'
import { cloudPathOf } from '../../../cloudfunctions/core/kernel/ports/storage.port'
import { sniffContentType } from '../../../cloudfunctions/core/storage/sniff-content-type'

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xdb, 1, 2, 3])

describe('Storage port helpers and the local adapter', () => {
  it('cloudPathOf accepts fileIDs and refuses anything that could climb out of a folder', () => {
    expect(cloudPathOf('cloud://env-1.bucket-2/repairs/a/b.jpg')).toBe('repairs/a/b.jpg')
    for (const bad of ['repairs/a.jpg', 'cloud://env/repairs/../x.jpg', 'cloud://env/repairs//x.jpg', 'cloud://env/./x', 'http://x/y']) expect(cloudPathOf(bad)).toBeNull()
  })

  it('sniffs common types from bytes', () => {
    expect(sniffContentType(JPEG)).toBe('image/jpeg')
    expect(sniffContentType(Buffer.from('GIF89a....'))).toBe('image/gif')
    expect(sniffContentType(Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]))).toBe('image/webp')
    expect(sniffContentType(Buffer.from('账单,金额\n1,2'))).toBe('text/plain')
    expect(sniffContentType(Buffer.from([0, 1, 2, 3, 0xfe]))).toBe('application/octet-stream')
  })

  it('checkFiles names the first bad file with a stable code', async () => {
    const s = new LocalFileStorage()
    const ok = (await s.put('repairs/ok.jpg', JPEG)).fileId
    const rules = { folder: 'repairs/', maxBytes: 10, contentTypes: IMAGE_TYPES, maxCount: 2 }
    expect(await checkFiles(s, [ok], rules)).toEqual([{ fileId: ok, size: JPEG.length, contentType: 'image/jpeg' }])
    await expect(checkFiles(s, [ok, ok], rules)).rejects.toMatchObject({ code: 'FILE.TOO_MANY' })
    await expect(checkFiles(s, [ok, ok, ok], rules)).rejects.toMatchObject({ code: 'FILE.TOO_MANY' })
    const big = (await s.put('repairs/big.jpg', Buffer.concat([JPEG, Buffer.alloc(10)]))).fileId
    await expect(checkFiles(s, [ok, big], rules)).rejects.toMatchObject({ code: 'FILE.TOO_LARGE', details: { fileId: big } })
  })

  it('keeps files on disk under the data dir and serves them only with a valid, unexpired signature', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storage-'))
    let now = Date.parse('2026-11-22T02:00:00Z')
    const s = new LocalFileStorage({ rootDir: dir, now: () => new Date(now) })
    const { fileId } = await s.put('repairs/t/p.jpg', JPEG)
    expect(fs.readFileSync(path.join(dir, 'files/repairs/t/p.jpg'))).toEqual(JPEG)
    // a second instance on the same dir (a restart) still finds the file
    expect(await new LocalFileStorage({ rootDir: dir }).stat([fileId])).toEqual([{ fileId, size: JPEG.length, contentType: 'image/jpeg' }])
    const url = new URL((await s.tempUrls([fileId], 60))[fileId], 'http://x')
    const expires = Number(url.searchParams.get('expires'))
    const sign = url.searchParams.get('sign')!
    expect(s.readSigned('repairs/t/p.jpg', expires, sign)).toEqual({ content: JPEG, contentType: 'image/jpeg' })
    expect(s.readSigned('repairs/t/p.jpg', expires + 1, sign)).toBe('forbidden')
    expect(s.readSigned('repairs/t/other.jpg', expires, sign)).toBe('forbidden')
    now += 61_000
    expect(s.readSigned('repairs/t/p.jpg', expires, sign)).toBe('expired')
    await s.remove([fileId])
    expect(await s.stat([fileId])).toEqual([])
    fs.rmSync(dir, { recursive: true, force: true })
  })
})
