import fs from 'node:fs'
import path from 'node:path'

const root = path.join(__dirname, '..', '..')
interface Fn {
  name: string
  triggers?: { name: string; type: string; config: string }[]
}

/** Timers' schedules say one thing everywhere: cloudbaserc.json is the source, docs/ops.md and contracts follow. */
describe('timer schedules: cloudbaserc.json, docs/ops.md and the contracts agree', () => {
  const rc = JSON.parse(fs.readFileSync(path.join(root, 'cloudbaserc.json'), 'utf8')) as { functions: Fn[] }
  const deployed = rc.functions.flatMap((f) => (f.triggers ?? []).filter((t) => t.type === 'timer').map((t) => `${f.name}.${t.name} ${t.config}`)).sort()

  it('docs/ops.md lists every timer trigger with its exact cron, and nothing else', () => {
    const ops = fs.readFileSync(path.join(root, 'docs', 'ops.md'), 'utf8')
    const section = ops.slice(ops.indexOf('## Timers'))
    const rows = [...section.matchAll(/^\| `(\w+)` \| `(\w+)` \| [^|]+ \| `([^`]+)` \|$/gm)].map((m) => `${m[1]}.${m[2]} ${m[3]}`).sort()
    expect(rows).toEqual(deployed)
  })

  it('no contract or doc calls a timer "daily" when its cron is not daily', () => {
    const daily = new Set(
      rc.functions.flatMap((f) => (f.triggers ?? []).filter((t) => /^\d+ \d+ \d+ \* \* \* \*$/.test(t.config)).map((t) => t.name)),
    )
    const walk = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    const files = [...walk(path.join(root, 'cloudfunctions', 'contracts')), ...walk(path.join(root, 'docs'))].filter((f) => /\.(ts|md)$/.test(f))
    const offenders: string[] = []
    for (const file of files) {
      for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
        if (!/the timer does it daily|timer[^.]*\bdaily\b|\bdaily\b[^.]*timer/i.test(line)) continue
        const named = [...line.matchAll(/`(\w+)`/g)].map((m) => m[1]).filter((n) => deployed.some((d) => d.split(' ')[0].endsWith(`.${n}`)))
        if (named.length === 0 || named.some((n) => !daily.has(n))) offenders.push(`${path.relative(root, file)}: ${line.trim()}`)
      }
    }
    expect(offenders).toEqual([])
  })
})
