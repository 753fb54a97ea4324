/**
 * `npm run bench`: runs every bench/*.bench.ts (or those named on the command line, e.g.
 * `npm run bench -- db`), prints one table. Results are copied into docs/benchmarks.md by hand with the date.
 */
import fs from 'node:fs'
import path from 'node:path'
import { formatTable, type BenchRow, type BenchSuite } from './bench-table'

async function main() {
  const filter = process.argv.slice(2)
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => filter.length === 0 || filter.some((x) => f.includes(x)))
    .sort()
  const rows: BenchRow[] = []
  for (const file of files) {
    const started = Date.now()
    process.stderr.write(`running ${file}…\n`)
    const suite = (await import(path.join(__dirname, file))).default as BenchSuite
    rows.push(...(await suite()))
    process.stderr.write(`  ${file} took ${((Date.now() - started) / 1000).toFixed(1)} s\n`)
  }
  console.log(`\nBenchmarks, ${new Date().toISOString().slice(0, 10)}, node ${process.version}, ${require('node:os').cpus().length} cores\n`)
  console.log(formatTable(rows))
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
