import { execFile, execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { FUNCTIONS_OUT, ROOT } from '../../scripts/function-list'
import { appWiring } from '../../cloudfunctions/areas'

/**
 * Each function is deployed as its own bundle. Order-type hooks and order listeners (now outbox effects) used to be wired by
 * import side effects, so a bundle that forgot an import skipped onPaid, and Jest (all functions in one
 * process) could not see it. Here every deployable bundle (cloudbaserc.json) runs alone in a fresh node
 * process over a database whose own wiring is empty: every hook that runs comes from the bundle. The
 * functions whose actions reach the order core also run their step through the source over the same empty
 * wiring (the control), which must show nothing ran — so the check can fail.
 */
const deployed = (JSON.parse(fs.readFileSync(path.join(ROOT, 'cloudbaserc.json'), 'utf8')) as { functions: { name: string }[] }).functions.map((f) => f.name)
const script = path.join(__dirname, 'support/run-bundle-alone.ts')
const tsx = path.join(ROOT, 'node_modules/.bin/tsx')
const ORDER_PATHS = ['fees', 'paycallback', 'orders', 'groupbuy']

type Seen = Record<string, unknown> & { wiring: { orderTypes: string[]; effects: string[] } }
const seen = new Map<string, Seen>()

async function runAll(runs: [string, ...string[]][]): Promise<void> {
  const run = promisify(execFile)
  // Two at a time: a fresh process per bundle, without flooding a shared machine.
  const queue = [...runs]
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const { stdout } = await run(tsx, [script, FUNCTIONS_OUT, ...next], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 })
      seen.set(next.join(' '), JSON.parse(stdout.trim()) as Seen)
    }
  }
  await Promise.all([worker(), worker()])
}

describe('every built function bundle runs its own hooks and effects, alone', () => {
  beforeAll(async () => {
    execFileSync('npm', ['run', '--silent', 'build:functions'], { cwd: ROOT, stdio: 'pipe', timeout: 240_000 })
    await runAll([...deployed.map((fn): [string] => [fn]), ...ORDER_PATHS.map((fn): [string, string] => [fn, '--source-control'])])
  }, 400_000)

  it('every deployed function is covered and carries every order type and outbox effect the areas declare', () => {
    const wiring = appWiring()
    const names = (m: Map<string, unknown>) => [...m.keys()].sort()
    expect(deployed.length).toBeGreaterThanOrEqual(10)
    for (const fn of deployed) {
      expect({ fn, ...seen.get(fn)!.wiring }).toEqual({ fn, orderTypes: names(wiring.orderTypes), effects: names(wiring.effects) })
    }
    for (const fn of deployed.filter((f) => !ORDER_PATHS.includes(f))) expect({ fn, smokeOk: seen.get(fn)!.smokeOk }).toEqual({ fn, smokeOk: true })
  })

  it('fees: paying locks the bill through the fee reserve hook; the control locks nothing', () => {
    const bundle = seen.get('fees')!
    expect(bundle.lockedBy).toBe(bundle.orderId)
    expect(seen.get('fees --source-control')!.lockedBy).toBeNull()
  })

  it('paycallback: the bare notify runs fee and group-buy onPaid and the paid effects; the control runs none', () => {
    const ok = { errcode: 0, errmsg: 'OK' }
    expect(seen.get('paycallback')).toMatchObject({ replies: [ok, ok], billStatus: 'paid', groupbuyStage: 'paid', attributions: 2, groupCredits: 2 })
    expect(seen.get('paycallback --source-control')).toMatchObject({ billStatus: 'unpaid', groupbuyStage: 'unpaid', attributions: 0, groupCredits: 0 })
  })

  it('orders: processOutbox runs the paid effects a crash after commit left pending, and cancel releases the bill', () => {
    expect(seen.get('orders')).toMatchObject({ pendingBefore: 2, pendingAfter: 0, billStatus: 'paid', groupbuyStage: 'paid', attributions: 2, groupCredits: 2, cancelledLockBefore: true, cancelledLockAfter: null })
    const control = seen.get('orders --source-control')!
    expect(control).toMatchObject({ pendingBefore: 2, attributions: 0, groupCredits: 0, cancelledLockBefore: true })
    expect(control.cancelledLockAfter).not.toBeNull()
  })

  it('groupbuy: placing an order takes stock through the group-buy reserve hook; the control takes none', () => {
    expect(seen.get('groupbuy')!.taken).toBe(1)
    expect(seen.get('groupbuy --source-control')!.taken).toBe(0)
  })
})
