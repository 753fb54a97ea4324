import qrcode from 'qrcode-generator'
import { yuan } from './labels'

/** The 2D drawing calls the poster uses: the same on a DOM canvas (H5) and a weapp Canvas 2D node. */
export interface Ctx2D {
  fillStyle: string | CanvasGradient | CanvasPattern
  font: string
  textBaseline: CanvasTextBaseline
  textAlign: CanvasTextAlign
  fillRect(x: number, y: number, w: number, h: number): void
  fillText(text: string, x: number, y: number, maxWidth?: number): void
  measureText(text: string): { width: number }
  drawImage(image: CanvasImageSource, dx: number, dy: number, dw: number, dh: number): void
  beginPath(): void
  moveTo(x: number, y: number): void
  lineTo(x: number, y: number): void
  stroke(): void
  strokeStyle: string | CanvasGradient | CanvasPattern
  lineWidth: number
}

export interface PosterData {
  title: string
  priceFen: number
  originalFen: number | null
  missing: number
  participants: number
  community: string
  /** The link the QR carries: the campaign page with the steward's touch parameter. */
  link: string
}

export const POSTER_W = 600
export const POSTER_H = 900
const FONT = '"PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif'

/** Wraps Chinese text by characters into at most `lines` lines that fit `width`. */
function wrap(ctx: Ctx2D, text: string, width: number, lines: number): string[] {
  const out: string[] = []
  let line = ''
  for (const ch of [...text]) {
    if (ctx.measureText(line + ch).width > width && line) {
      out.push(line)
      line = ch
      if (out.length === lines) break
    } else line += ch
  }
  if (out.length < lines && line) out.push(line)
  if (out.length === lines && out.join('').length < [...text].length) out[lines - 1] = `${[...out[lines - 1]].slice(0, -1).join('')}…`
  return out
}

/**
 * Draws the invite poster: product picture, title, price against 划线价, "还差 N 户成团", and a QR of the
 * campaign link (carrying the steward id, so a scan is attributed like a card).
 */
export function paintPoster(ctx: Ctx2D, data: PosterData, picture: CanvasImageSource | null): void {
  ctx.fillStyle = '#fff7e6'
  ctx.fillRect(0, 0, POSTER_W, POSTER_H)
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(30, 30, POSTER_W - 60, POSTER_H - 60)
  if (picture) ctx.drawImage(picture, 30, 30, POSTER_W - 60, 400)
  else {
    ctx.fillStyle = '#ffd591'
    ctx.fillRect(30, 30, POSTER_W - 60, 400)
  }
  ctx.textBaseline = 'top'
  ctx.textAlign = 'left'
  ctx.fillStyle = '#262626'
  ctx.font = `600 34px ${FONT}`
  wrap(ctx, data.title, POSTER_W - 120, 2).forEach((l, i) => ctx.fillText(l, 60, 456 + i * 46))
  ctx.fillStyle = '#f5222d'
  ctx.font = `700 48px ${FONT}`
  const price = yuan(data.priceFen)
  ctx.fillText(price, 60, 556)
  if (data.originalFen && data.originalFen > data.priceFen) {
    const x = 60 + ctx.measureText(price).width + 16
    ctx.fillStyle = '#6b6b6b'
    ctx.font = `28px ${FONT}`
    const was = yuan(data.originalFen)
    ctx.fillText(was, x, 574)
    ctx.strokeStyle = '#6b6b6b'
    ctx.lineWidth = 2
    ctx.beginPath()
    ctx.moveTo(x, 590)
    ctx.lineTo(x + ctx.measureText(was).width, 590)
    ctx.stroke()
  }
  ctx.fillStyle = '#d4380d'
  ctx.font = `600 30px ${FONT}`
  ctx.fillText(data.missing > 0 ? `已有 ${data.participants} 户参团，还差 ${data.missing} 户成团` : `已成团，${data.participants} 户已参团`, 60, 618, POSTER_W - 120)
  ctx.fillStyle = '#6b6b6b'
  ctx.font = `24px ${FONT}`
  ctx.fillText(`${data.community ? `${data.community} · ` : ''}长按识别二维码参团`, 60, 660, POSTER_W - 120)
  // The QR sits alone, centred under the text, so nothing overlaps it whatever the text lengths.
  paintQr(ctx, data.link, (POSTER_W - 164) / 2, 698, 164)
}

function paintQr(ctx: Ctx2D, value: string, x: number, y: number, size: number): void {
  const qr = qrcode(0, 'M')
  qr.addData(value, 'Byte')
  qr.make()
  const n = qr.getModuleCount()
  const cell = Math.floor(size / n)
  ctx.fillStyle = '#262626'
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (qr.isDark(r, c)) ctx.fillRect(x + c * cell, y + r * cell, cell, cell)
}
