import fs from 'node:fs'
import path from 'node:path'
import { functionNames, FUNCTIONS_OUT, ROOT } from '../../scripts/function-list'
import { functionRegistry } from '../../cloudfunctions/platform/local/function-registry'

interface RcFunction {
  name: string
  handler: string
  triggers?: { name: string; type: string; config: string }[]
}

const rc = JSON.parse(fs.readFileSync(path.join(ROOT, 'cloudbaserc.json'), 'utf8')) as { envId: string; functionRoot: string; functions: RcFunction[] }

describe('deploy configuration stays in step with the code', () => {
  const folders = functionNames()

  it('every function folder is in cloudbaserc.json and vice versa', () => {
    expect(rc.functions.map((f) => f.name).sort()).toEqual(folders)
  })

  it('every function folder is registered for the local gateway and vice versa', () => {
    expect(Object.keys(functionRegistry).sort()).toEqual(folders)
  })

  it('cloudbaserc.json points at the built output and keeps the env id a placeholder', () => {
    expect(path.resolve(ROOT, rc.functionRoot)).toBe(FUNCTIONS_OUT)
    expect(rc.envId).toMatch(/^\{\{.+\}\}$/)
    for (const f of rc.functions) expect(f.handler).toBe('index.main')
  })

  it('every timer a function defines has a timer trigger in cloudbaserc.json, and no trigger is orphaned', () => {
    for (const f of rc.functions) {
      const defined = Object.keys(functionRegistry[f.name]?.timers ?? {}).sort()
      const declared = (f.triggers ?? []).filter((t) => t.type === 'timer').map((t) => t.name).sort()
      expect({ fn: f.name, timers: declared }).toEqual({ fn: f.name, timers: defined })
      // CloudBase timer triggers take a 7-field cron (second minute hour day month weekday year).
      for (const t of f.triggers ?? []) expect(t.config.trim().split(/\s+/)).toHaveLength(7)
    }
  })

  it('project.config.json points WeChat DevTools at the built mini-program and functions', () => {
    const project = JSON.parse(fs.readFileSync(path.join(ROOT, 'project.config.json'), 'utf8'))
    expect(path.resolve(ROOT, project.cloudfunctionRoot)).toBe(FUNCTIONS_OUT)
    expect(path.resolve(ROOT, project.miniprogramRoot)).toBe(path.join(ROOT, 'dist/weapp'))
  })

  it('npm run build:functions produced one deployable folder per function (index.js + runtime-only package.json)', () => {
    for (const name of folders) {
      const dir = path.join(FUNCTIONS_OUT, name)
      expect(fs.existsSync(path.join(dir, 'index.js'))).toBe(true)
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'))
      expect(Object.keys(pkg.dependencies)).toEqual(['@cloudbase/node-sdk'])
      const source = fs.readFileSync(path.join(dir, 'index.js'), 'utf8')
      expect(source).not.toMatch(/better-sqlite3/)
    }
  })
})
