import Taro from '@tarojs/taro'

/** Longest edge of an uploaded product photo: sharp on a 375-pt phone at 3×, a fraction of a camera original. */
export const MAX_EDGE_PX = 1080
const QUALITY = 0.8

/**
 * A smaller copy of a picked photo to upload (local path in, local path out). weapp: `Taro.compressImage`
 * with the long edge capped; H5 (Taro has no compressImage there): drawn on a canvas at most MAX_EDGE_PX wide
 * and re-encoded as JPEG. If compressing fails the original is returned: the function still checks type and
 * size (≤ 5 MB) before keeping any file.
 */
export async function compressPhoto(path: string): Promise<string> {
  try {
    if (process.env.TARO_ENV === 'h5') return await compressInBrowser(path)
    const info = await Taro.getImageInfo({ src: path })
    const long = Math.max(info.width, info.height)
    const scale = long > MAX_EDGE_PX ? MAX_EDGE_PX / long : 1
    const res = await Taro.compressImage({ src: path, quality: QUALITY * 100, compressedWidth: Math.round(info.width * scale), compressedHeight: Math.round(info.height * scale) })
    return res.tempFilePath
  } catch {
    return path
  }
}

async function compressInBrowser(path: string): Promise<string> {
  const img = await new Promise<HTMLImageElement>((resolve, reject) => {
    const el = new Image()
    el.onload = () => resolve(el)
    el.onerror = () => reject(new Error('image'))
    el.src = path
  })
  const long = Math.max(img.naturalWidth, img.naturalHeight)
  const scale = long > MAX_EDGE_PX ? MAX_EDGE_PX / long : 1
  const canvas = document.createElement('canvas')
  canvas.width = Math.max(1, Math.round(img.naturalWidth * scale))
  canvas.height = Math.max(1, Math.round(img.naturalHeight * scale))
  const g = canvas.getContext('2d')
  if (!g) return path
  g.fillStyle = '#fff' // JPEG has no alpha: a transparent PNG would otherwise turn black
  g.fillRect(0, 0, canvas.width, canvas.height)
  g.drawImage(img, 0, 0, canvas.width, canvas.height)
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', QUALITY))
  if (!blob) return path
  // Taro's H5 uploadFile reads the file back from this URL (upload.ts names it .jpg, which it is).
  return URL.createObjectURL(blob)
}
