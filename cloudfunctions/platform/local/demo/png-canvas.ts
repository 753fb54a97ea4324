import { deflateSync } from 'node:zlib'

export type Rgb = [number, number, number]

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(buf: Buffer): number {
  let c = 0xffffffff
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([len, body, crc])
}

/**
 * A tiny RGB raster that paints shapes given as signed distance functions (negative inside), with a
 * one-pixel soft edge for anti-aliasing, and encodes a real PNG. Enough to draw the demo's product
 * pictures locally (no downloads, no native image library).
 */
export class PngCanvas {
  private readonly px: Float32Array

  constructor(readonly width: number, readonly height: number, background: Rgb) {
    this.px = new Float32Array(width * height * 3)
    for (let i = 0; i < width * height; i++) this.px.set(background, i * 3)
  }

  /** Paints where `sdf` is negative; `color` may depend on the point (gradients, highlights). Only the shape's box is visited. */
  fill(sdf: Shape, color: Rgb | ((x: number, y: number) => Rgb), alpha = 1): void {
    const [x0, y0, x1, y1] = sdf.box ?? [0, 0, this.width, this.height]
    const clamp = (v: number, max: number) => Math.max(0, Math.min(max, Math.round(v)))
    for (let y = clamp(y0 - 2, this.height); y < clamp(y1 + 2, this.height); y++) {
      for (let x = clamp(x0 - 2, this.width); x < clamp(x1 + 2, this.width); x++) {
        const d = sdf(x + 0.5, y + 0.5)
        const cover = Math.max(0, Math.min(1, 0.5 - d)) * alpha
        if (cover <= 0) continue
        const c = typeof color === 'function' ? color(x, y) : color
        const i = (y * this.width + x) * 3
        for (let k = 0; k < 3; k++) this.px[i + k] = this.px[i + k] * (1 - cover) + c[k] * cover
      }
    }
  }

  png(): Buffer {
    const raw = Buffer.alloc((this.width * 3 + 1) * this.height)
    for (let y = 0; y < this.height; y++) {
      raw[y * (this.width * 3 + 1)] = 0
      for (let x = 0; x < this.width * 3; x++) raw[y * (this.width * 3 + 1) + 1 + x] = Math.round(Math.max(0, Math.min(255, this.px[y * this.width * 3 + x])))
    }
    const header = Buffer.alloc(13)
    header.writeUInt32BE(this.width, 0)
    header.writeUInt32BE(this.height, 4)
    header.set([8, 2, 0, 0, 0], 8) // 8-bit RGB, no interlace
    return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))])
  }
}

/** A signed distance function (negative inside), optionally with its bounding box [x0, y0, x1, y1]. */
export type Shape = ((x: number, y: number) => number) & { box?: [number, number, number, number] }

const boxed = (fn: (x: number, y: number) => number, box: [number, number, number, number]): Shape => Object.assign(fn, { box })

export const circle = (cx: number, cy: number, r: number) => boxed((x, y) => Math.hypot(x - cx, y - cy) - r, [cx - r, cy - r, cx + r, cy + r])

/** An ellipse turned by `angle` radians (approximate distance, fine for soft edges). */
export const ellipse = (cx: number, cy: number, rx: number, ry: number, angle = 0) => {
  const c = Math.cos(angle)
  const s = Math.sin(angle)
  const r = Math.max(rx, ry)
  return boxed((x, y) => {
    const dx = (x - cx) * c + (y - cy) * s
    const dy = -(x - cx) * s + (y - cy) * c
    return (Math.hypot(dx / rx, dy / ry) - 1) * Math.min(rx, ry)
  }, [cx - r, cy - r, cx + r, cy + r])
}

export const roundRect = (x0: number, y0: number, w: number, h: number, r: number) =>
  boxed((x, y) => {
    const qx = Math.abs(x - (x0 + w / 2)) - (w / 2 - r)
    const qy = Math.abs(y - (y0 + h / 2)) - (h / 2 - r)
    return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r
  }, [x0, y0, x0 + w, y0 + h])

export const mix = (a: Rgb, b: Rgb, t: number): Rgb => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t]
