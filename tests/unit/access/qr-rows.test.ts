import { qrRows } from '../../../src/components/qr/qr-rows'

describe('QR rows for the pass QR', () => {
  const code = 'AQEBckuneGsCrsUAHsT3AIyT9gloLTEtMS0xMDHaeuZjFA6wugQAAQACAGUAZjzsLKkMaxXw08XZNvBaBCQ'

  it('covers a square symbol: every row spans the module count, runs alternate', () => {
    const rows = qrRows(code)
    const n = rows.length
    expect(n).toBeGreaterThanOrEqual(21)
    expect((n - 17) % 4).toBe(0) // a QR symbol has 17 + 4 × version modules per side
    for (const runs of rows) {
      expect(runs.reduce((s, r) => s + r.length, 0)).toBe(n)
      runs.slice(1).forEach((r, i) => expect(r.dark).not.toBe(runs[i].dark))
    }
  })

  it('draws the finder patterns: a 7-module dark bar at the top left and right corners', () => {
    const [top] = qrRows(code)
    expect(top[0]).toEqual({ dark: true, length: 7 })
    expect(top[top.length - 1]).toEqual({ dark: true, length: 7 })
  })

  it('changes when the code changes', () => {
    expect(qrRows(code)).not.toEqual(qrRows(code.replace(/^AQEB/, 'AQEC')))
  })
})
