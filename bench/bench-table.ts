/** Each bench file returns rows; run-all prints them as one table and can write them to docs. */
export interface BenchRow {
  area: string
  metric: string
  value: string
  note?: string
}

export type BenchSuite = () => Promise<BenchRow[]>

export function formatTable(rows: BenchRow[]): string {
  const header: BenchRow = { area: 'area', metric: 'metric', value: 'value', note: 'note' }
  const all = [header, ...rows]
  const w = (k: keyof BenchRow) => Math.max(...all.map((r) => width(r[k] ?? '')))
  const widths = { area: w('area'), metric: w('metric'), value: w('value'), note: w('note') }
  const line = (r: BenchRow) =>
    `| ${pad(r.area, widths.area)} | ${pad(r.metric, widths.metric)} | ${pad(r.value, widths.value)} | ${pad(r.note ?? '', widths.note)} |`
  const sep = `|${'-'.repeat(widths.area + 2)}|${'-'.repeat(widths.metric + 2)}|${'-'.repeat(widths.value + 2)}|${'-'.repeat(widths.note + 2)}|`
  return [line(header), sep, ...rows.map(line)].join('\n')
}

/** CJK characters take two columns in a terminal. */
function width(s: string): number {
  let n = 0
  for (const ch of s) n += /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1
  return n
}

function pad(s: string, n: number): string {
  return s + ' '.repeat(Math.max(0, n - width(s)))
}

export function perSecond(count: number, ms: number): string {
  return `${Math.round((count / ms) * 1000).toLocaleString('en-US')}/s`
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}
