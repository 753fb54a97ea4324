import { barHeightPct } from '../../../src/components/figures/bar-scale'

describe('bar heights of the dashboard charts', () => {
  it('draws no bar for an empty month or a net clawback, whatever the other months', () => {
    expect(barHeightPct(0, 20800)).toBe(0)
    expect(barHeightPct(-264, 20800)).toBe(0)
    // Six empty months: nothing is drawn (the old chart drew six full grey tracks).
    expect([0, 0, 0, 0, 0, 0].map((v) => barHeightPct(v, Math.max(0, ...[0, 0, 0, 0, 0, 0])))).toEqual([0, 0, 0, 0, 0, 0])
  })

  it('scales to the tallest month and keeps a small positive month visible', () => {
    expect(barHeightPct(20800, 20800)).toBe(100)
    expect(barHeightPct(10400, 20800)).toBe(50)
    expect(barHeightPct(1, 20800)).toBe(3)
  })
})
