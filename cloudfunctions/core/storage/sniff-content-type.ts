/**
 * The type of a file from its first bytes. Storage adapters report this instead of what the uploader
 * claimed, so a renamed text file never passes as a photo.
 */
export function sniffContentType(bytes: Buffer): string {
  const starts = (sig: number[], at = 0) => bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b)
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  if (starts([0x47, 0x49, 0x46, 0x38]) && (bytes[4] === 0x37 || bytes[4] === 0x39) && bytes[5] === 0x61) return 'image/gif'
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp'
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'
  const head = bytes.subarray(0, 512)
  if (head.length > 0 && !head.includes(0) && isUtf8(head)) return 'text/plain'
  return 'application/octet-stream'
}

function isUtf8(buf: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf)
    return true
  } catch {
    // A multi-byte character cut at the 512-byte boundary is still text.
    return buf.length === 512
  }
}
