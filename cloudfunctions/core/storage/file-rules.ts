import { DomainError } from '../kernel/domain-error'
import { cloudPathOf, type Storage, type StoredFileInfo } from '../kernel/ports/storage.port'

/** What an area accepts for a kind of upload (repair photos, group QR codes, invoice PDFs…). */
export interface FileRules {
  /** cloudPath must start with this folder (e.g. 'repairs/'), so a caller cannot attach another area's files. */
  folder: string
  maxBytes: number
  contentTypes: readonly string[]
  maxCount: number
}

export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] as const

/** Stable codes for every area that takes uploads; the messages are what the user reads. */
export const FILE_ERRORS = {
  'FILE.TOO_MANY': (max: number) => `最多上传 ${max} 个文件`,
  'FILE.NOT_FOUND': () => '文件不存在或上传未完成，请重新上传',
  'FILE.TYPE_NOT_ALLOWED': (types: readonly string[]) => `文件格式不支持，仅支持 ${types.map((t) => t.split('/')[1].toUpperCase()).join('、')}`,
  'FILE.TOO_LARGE': (maxBytes: number) => `单个文件不能超过 ${Math.floor(maxBytes / 1024 / 1024)}MB`,
} as const

/**
 * Checks uploaded files before a function stores references to them: right folder, exists, allowed type,
 * not too large. One storage call for the whole list. Throws a DomainError naming the offending file.
 */
export async function checkFiles(storage: Storage, fileIds: readonly string[], rules: FileRules): Promise<StoredFileInfo[]> {
  if (fileIds.length === 0) return []
  if (fileIds.length > rules.maxCount) throw new DomainError('FILE.TOO_MANY', FILE_ERRORS['FILE.TOO_MANY'](rules.maxCount))
  if (new Set(fileIds).size !== fileIds.length) throw new DomainError('FILE.TOO_MANY', '同一个文件不能重复提交')
  for (const id of fileIds) {
    const p = cloudPathOf(id)
    if (!p || !p.startsWith(rules.folder)) throw new DomainError('FILE.NOT_FOUND', FILE_ERRORS['FILE.NOT_FOUND'](), { fileId: id })
  }
  const infos = await storage.stat([...fileIds])
  const byId = new Map(infos.map((i) => [i.fileId, i]))
  return fileIds.map((id) => {
    const info = byId.get(id)
    if (!info) throw new DomainError('FILE.NOT_FOUND', FILE_ERRORS['FILE.NOT_FOUND'](), { fileId: id })
    const type = info.contentType.split(';')[0].trim().toLowerCase()
    if (!rules.contentTypes.includes(type)) throw new DomainError('FILE.TYPE_NOT_ALLOWED', FILE_ERRORS['FILE.TYPE_NOT_ALLOWED'](rules.contentTypes), { fileId: id })
    if (info.size > rules.maxBytes) throw new DomainError('FILE.TOO_LARGE', FILE_ERRORS['FILE.TOO_LARGE'](rules.maxBytes), { fileId: id })
    return info
  })
}
