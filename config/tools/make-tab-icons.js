/**
 * Draws the tab bar icons (src/assets/tab/*.png) from simple shapes, so the repo needs no design files or
 * icon fonts: `node config/tools/make-tab-icons.js`. 81×81 px is WeChat's recommended tab icon size; the
 * PNGs are ~1 KB each (WeChat caps tab icons at 40 KB).
 */
const fs = require('node:fs')
const path = require('node:path')
const zlib = require('node:zlib')

const SIZE = 81
const SS = 4 // supersampling for smooth edges

const shapes = {
  // House: roof triangle + body with a door cut out.
  home: (x, y) => {
    const roof = y >= 14 && y <= 40 && Math.abs(x - 40.5) <= (y - 14) * 1.25 + 2 && !(y > 22 && Math.abs(x - 40.5) <= (y - 22) * 1.25 - 4 && y > 40)
    const body = x >= 18 && x <= 63 && y >= 38 && y <= 68
    const door = x >= 34 && x <= 47 && y >= 50 && y <= 68
    return (roof || body) && !door
  },
  // Services: four rounded tiles.
  services: (x, y) => {
    const tile = (cx, cy) => Math.max(Math.abs(x - cx), Math.abs(y - cy)) <= 11 && Math.hypot(Math.max(Math.abs(x - cx) - 7, 0), Math.max(Math.abs(y - cy) - 7, 0)) <= 4
    return tile(27, 27) || tile(54, 27) || tile(27, 54) || tile(54, 54)
  },
  // Person: head circle + shoulders.
  mine: (x, y) => Math.hypot(x - 40.5, y - 28) <= 12 || (y >= 46 && y <= 68 && ((x - 40.5) / 24) ** 2 + ((y - 70) / 24) ** 2 <= 1),
}

function png(width, height, rgba) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = (buf) => {
    let c = 0xffffffff
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8)
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type, data) => {
    const len = Buffer.alloc(4)
    len.writeUInt32BE(data.length)
    const td = Buffer.concat([Buffer.from(type), data])
    const c = Buffer.alloc(4)
    c.writeUInt32BE(crc(td))
    return Buffer.concat([len, td, c])
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8
  ihdr[9] = 6
  const raw = Buffer.alloc((width * 4 + 1) * height)
  for (let y = 0; y < height; y++) rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4)
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))])
}

function draw(shape, hex) {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16))
  const rgba = Buffer.alloc(SIZE * SIZE * 4)
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      let hits = 0
      for (let sy = 0; sy < SS; sy++) for (let sx = 0; sx < SS; sx++) if (shape(x + (sx + 0.5) / SS, y + (sy + 0.5) / SS)) hits++
      const i = (y * SIZE + x) * 4
      rgba[i] = r
      rgba[i + 1] = g
      rgba[i + 2] = b
      rgba[i + 3] = Math.round((hits / (SS * SS)) * 255)
    }
  }
  return png(SIZE, SIZE, rgba)
}

const out = path.resolve(__dirname, '../../src/assets/tab')
fs.mkdirSync(out, { recursive: true })
for (const [name, shape] of Object.entries(shapes)) {
  fs.writeFileSync(path.join(out, `${name}.png`), draw(shape, '#8c8c8c'))
  fs.writeFileSync(path.join(out, `${name}-active.png`), draw(shape, '#10a66b'))
}
console.log(`tab icons written to ${path.relative(process.cwd(), out)}`)
