import { circle, ellipse, mix, PngCanvas, roundRect, type Rgb } from './png-canvas'

/**
 * The demo's product pictures, drawn here rather than downloaded: oranges, mandarins, a rice bag, an oil
 * bottle and an air conditioner being cleaned. 320×320 PNGs of a few KB, uploaded through the Storage port
 * like any photo ops would upload.
 */
const S = 320
const ORANGE: Rgb = [250, 140, 22]
const ORANGE_LIGHT: Rgb = [255, 196, 92]
const LEAF: Rgb = [56, 158, 13]

function backdrop(top: Rgb, bottom: Rgb): PngCanvas {
  const c = new PngCanvas(S, S, top)
  c.fill(Object.assign(() => -1, { box: [0, 0, S, S] as [number, number, number, number] }), (_x, y) => mix(top, bottom, y / S))
  c.fill(ellipse(S / 2, S * 0.86, S * 0.36, S * 0.06), [0, 0, 0], 0.08)
  return c
}

function fruit(c: PngCanvas, cx: number, cy: number, r: number) {
  c.fill(circle(cx, cy, r), (x, y) => mix(ORANGE_LIGHT, ORANGE, Math.min(1, Math.hypot(x - (cx - r * 0.35), y - (cy - r * 0.35)) / (r * 1.4))))
  c.fill(ellipse(cx - r * 0.38, cy - r * 0.42, r * 0.2, r * 0.12, -0.6), [255, 255, 255], 0.55)
  c.fill(circle(cx, cy - r * 0.93, r * 0.07), [120, 90, 30])
  c.fill(ellipse(cx + r * 0.28, cy - r * 1.02, r * 0.3, r * 0.12, -0.45), LEAF)
}

const draw: Record<string, () => PngCanvas> = {
  navel: () => {
    const c = backdrop([255, 247, 230], [255, 231, 186])
    fruit(c, 130, 180, 78)
    fruit(c, 215, 200, 62)
    return c
  },
  navel_big: () => {
    const c = backdrop([255, 242, 232], [255, 214, 170])
    fruit(c, 100, 200, 52)
    fruit(c, 220, 200, 52)
    fruit(c, 160, 140, 58)
    return c
  },
  mandarin: () => {
    const c = backdrop([246, 255, 237], [217, 247, 190])
    for (const [x, y] of [[110, 205], [170, 215], [230, 200], [140, 160], [200, 155]] as const) fruit(c, x, y, 36)
    return c
  },
  rice: () => {
    const c = backdrop([250, 250, 245], [235, 232, 220])
    c.fill(roundRect(90, 60, 140, 210, 22), [252, 248, 235])
    c.fill(roundRect(90, 150, 140, 46, 0), [82, 196, 26])
    c.fill(roundRect(90, 60, 140, 22, 10), [212, 56, 13])
    for (let i = 0; i < 14; i++) c.fill(ellipse(118 + (i % 5) * 22, 225 + Math.floor(i / 5) * 14, 6, 3.2, (i % 3) * 0.6), [230, 225, 205])
    return c
  },
  oil: () => {
    const c = backdrop([255, 251, 230], [255, 236, 170])
    c.fill(roundRect(138, 46, 44, 30, 6), [212, 56, 13])
    c.fill(roundRect(145, 72, 30, 30, 4), [250, 219, 20])
    c.fill(roundRect(100, 96, 120, 180, 28), (x) => mix([250, 200, 20], [212, 136, 6], (x - 100) / 120))
    c.fill(roundRect(112, 160, 96, 56, 10), [255, 255, 255], 0.9)
    c.fill(ellipse(160, 188, 26, 16), [140, 190, 60])
    return c
  },
  aircon: () => {
    const c = backdrop([230, 244, 255], [186, 224, 255])
    c.fill(roundRect(50, 90, 220, 90, 18), [255, 255, 255])
    for (let i = 0; i < 5; i++) c.fill(roundRect(70, 150 + i * 5, 180, 2, 1), [200, 210, 220])
    c.fill(circle(240, 110, 5), [82, 196, 26])
    for (const [x, y, r] of [[100, 230, 10], [150, 250, 14], [205, 228, 9], [240, 258, 7]] as const) c.fill(ellipse(x, y, r * 0.75, r), [64, 150, 255], 0.85)
    return c
  },
}

export const PRODUCT_ART = Object.keys(draw)

const drawn = new Map<string, Buffer>()

/** Drawn once per process: every seeded world of a test run reuses the same bytes. */
export function drawProduct(name: string): Buffer {
  const painter = draw[name]
  if (!painter) throw new Error(`no demo art named ${name}`)
  if (!drawn.has(name)) drawn.set(name, painter().png())
  return drawn.get(name)!
}
