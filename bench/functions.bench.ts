import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { FUNCTIONS_OUT, functionNames } from '../scripts/function-list'
import type { BenchRow } from './bench-table'

/** Bundle size and cold require() time of each built function (a fresh node process per sample). */
export default async function functionsBench(): Promise<BenchRow[]> {
  execFileSync('npx', ['tsx', path.join(__dirname, '../scripts/build-functions.ts')], { stdio: 'ignore' })
  const rows: BenchRow[] = []
  for (const name of functionNames()) {
    const file = path.join(FUNCTIONS_OUT, name, 'index.js')
    const kb = fs.statSync(file).size / 1024
    const samples: number[] = []
    for (let i = 0; i < 5; i++) {
      const out = execFileSync(process.execPath, ['-e', `const t=process.hrtime.bigint();require(${JSON.stringify(file)});console.log(Number(process.hrtime.bigint()-t)/1e6)`])
      samples.push(Number(String(out).trim()))
    }
    samples.sort((a, b) => a - b)
    rows.push({ area: `fn ${name}`, metric: 'bundle size / cold require (median of 5)', value: `${kb.toFixed(0)} KB / ${samples[2].toFixed(0)} ms`, note: 'incl. @cloudbase/node-sdk load' })
  }
  return rows
}
