/**
 * `npm start`: the whole local stack on one machine. Builds the H5 app, opens (or creates and seeds)
 * the embedded database under DATA_DIR, and serves the gateway on PORT.
 */
import { execSync } from 'node:child_process'
import path from 'node:path'
import { startLocalStack } from './local-stack'
import { PERSONAS } from '../cloudfunctions/platform/local/demo/personas'

const root = path.resolve(__dirname, '..')
const port = Number(process.env.PORT ?? 8080)
const dataDir = path.resolve(root, process.env.DATA_DIR ?? '.data')

async function main() {
  if (process.env.SKIP_H5_BUILD !== '1') {
    console.log('Building the H5 app (npm run build:h5)…')
    execSync('npm run build:h5', { cwd: root, stdio: 'inherit' })
  }
  const timerIntervalSeconds = process.env.LOCAL_TIMERS === 'off' ? 0 : Number(process.env.LOCAL_TIMER_INTERVAL_S ?? 60)
  const stack = await startLocalStack({ port, dataDir, h5Dir: path.join(root, 'dist/h5'), timerIntervalSeconds })
  console.log(`\nLocal stack ready: http://localhost:${stack.port}/   (data in ${dataDir}${stack.seeded ? ', demo data seeded' : ''})`)
  console.log('Demo personas (switch in the H5 app, top right):')
  for (const p of PERSONAS) console.log(`  ${p.id.padEnd(11)} ${p.label} — ${p.description}`)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
