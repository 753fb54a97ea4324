import fs from 'node:fs'
import path from 'node:path'
import * as TOKENS_TS from '../../../src/styles/tokens'

/**
 * Readable contrast (issue 16 accessibility audit): the WCAG 2 contrast ratio of every text colour token
 * against the backgrounds it is drawn on must be at least 4.5:1 (body text, level AA); and no stylesheet
 * writes a text colour below that on white, except decorative glyphs (› arrows, separators, unlit rating
 * stars) and disabled controls, which WCAG exempts.
 */
const SRC = path.resolve(__dirname, '../../../src')
const tokens = Object.fromEntries([...fs.readFileSync(path.join(SRC, 'styles/tokens.scss'), 'utf8').matchAll(/^\$([a-z-]+):\s*(#[0-9a-f]{3,6});/gim)].map((m) => [m[1], m[2]]))

function luminance(hex: string): number {
  const h = hex.replace('#', '')
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi + 0.05) / (lo + 0.05)
}

describe('colour contrast', () => {
  it('computes WCAG ratios (black on white is 21:1, a colour on itself 1:1)', () => {
    expect(contrast('#000', '#fff')).toBeCloseTo(21, 5)
    expect(contrast('#10a66b', '#10a66b')).toBe(1)
    // The old tokens this audit replaced really were too light for body text.
    expect(contrast('#8c8c8c', '#ffffff')).toBeLessThan(4.5)
    expect(contrast('#10a66b', '#ffffff')).toBeLessThan(4.5)
  })

  const pairs: [string, string][] = [
    ['text', 'bg'],
    ['muted', 'bg'],
    ['brand', 'bg'],
    ['warn', 'bg'],
    ['danger', 'bg'],
    ['info', 'bg'],
    ['brand', 'brand-light'],
    ['warn', 'warn-light'],
    ['info', 'info-light'],
  ]
  it.each(pairs)('%s on %s (and on white) reads at ≥ 4.5:1', (fg, bgName) => {
    expect(tokens[fg]).toBeDefined()
    expect(tokens[bgName]).toBeDefined()
    expect(contrast(tokens[fg], tokens[bgName])).toBeGreaterThanOrEqual(4.5)
    expect(contrast(tokens[fg], '#ffffff')).toBeGreaterThanOrEqual(4.5)
  })

  it('white text on the brand colour (buttons, headers) reads at ≥ 4.5:1', () => {
    expect(contrast('#ffffff', tokens.brand)).toBeGreaterThanOrEqual(4.5)
  })

  it('the TS copies of the tokens equal the SCSS ones', () => {
    expect(TOKENS_TS.BRAND.toLowerCase()).toBe(tokens.brand.toLowerCase())
    expect(TOKENS_TS.MUTED.toLowerCase()).toBe(tokens.muted.toLowerCase())
    expect(TOKENS_TS.INFO.toLowerCase()).toBe(tokens.info.toLowerCase())
    expect(TOKENS_TS.WARN.toLowerCase()).toBe(tokens.warn.toLowerCase())
  })

  it('no stylesheet writes a text colour below 4.5:1 on white (decorative glyphs and disabled controls aside)', () => {
    const files = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.scss') ? [path.join(dir, e.name)] : []))
    const low: string[] = []
    for (const file of files(SRC)) {
      fs.readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
        for (const m of line.matchAll(/(?<![-\w])color:\s*(#[0-9a-f]{3,6})\b/gi)) {
          if (/arrow|__sep|\.star\b|--off/.test(line)) continue
          if (contrast(m[1], '#ffffff') < 4.5 && !/^#f{3}(f{3})?$/i.test(m[1])) low.push(`${path.relative(SRC, file)}:${i + 1} ${m[1]}`)
        }
      })
    }
    expect(low).toEqual([])
  })
})
