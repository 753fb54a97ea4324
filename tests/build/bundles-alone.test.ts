import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { FUNCTIONS_OUT, ROOT } from '../../scripts/function-list'

/**
 * Each function is deployed as its own bundle; order-type hooks and order listeners used to be wired by
 * import side effects, so a bundle that forgot an import skipped onPaid, and Jest (all functions in one
 * process) could not see it. Here the real bundles run alone in a fresh node process over a database
 * whose own wiring is empty: every hook that runs comes from the bundle (cloudfunctions/areas.ts).
 */
describe('built function bundles run their own hooks', () => {
  const script = path.join(__dirname, 'support/run-built-bundles.ts')
  const tsx = path.join(ROOT, 'node_modules/.bin/tsx')
  const run = (...args: string[]) => JSON.parse(execFileSync(tsx, [script, FUNCTIONS_OUT, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 }).trim())

  beforeAll(() => {
    execFileSync('npm', ['run', '--silent', 'build:functions'], { cwd: ROOT, stdio: 'pipe', timeout: 240_000 })
  }, 300_000)

  it('fees bundle locks the bill (reserve); paycallback bundle marks it paid and tells attribution and groups', () => {
    const seen = run()
    expect(seen.lockedBy).toBe(seen.orderId)
    expect(seen.notifyReply).toEqual({ errcode: 0, errmsg: 'OK' })
    expect(seen).toMatchObject({ billStatus: 'paid', billPaidOrder: seen.orderId, attributions: 1, credits: 1 })
  }, 180_000)

  it('control: the same fees call over the empty wiring, without a bundle, reserves nothing', () => {
    expect(run('--source-control').lockedBy).toBeNull()
  }, 180_000)
})
