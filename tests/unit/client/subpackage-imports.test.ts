import fs from 'node:fs'
import path from 'node:path'

/**
 * A subpackage is downloaded only when one of its pages opens; importing another subpackage's file
 * either duplicates it or fails on weapp. Shared parts live in src/components, src/hooks, src/services.
 */
const root = path.resolve(__dirname, '../../../src')
const packages = path.join(root, 'packages')

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : /\.(tsx?|scss)$/.test(e.name) ? [path.join(dir, e.name)] : []))
}

describe('src/packages', () => {
  it('no subpackage imports a file of another subpackage', () => {
    const crossing: string[] = []
    for (const file of files(packages)) {
      const area = path.relative(packages, file).split(path.sep)[0]
      const text = fs.readFileSync(file, 'utf8')
      for (const m of text.matchAll(/(?:from|import|require\()\s*'([^']+)'/g)) {
        const spec = m[1]
        const target = spec.startsWith('.') ? path.resolve(path.dirname(file), spec) : spec.startsWith('@/') ? path.join(root, spec.slice(2)) : null
        if (!target || !target.startsWith(packages + path.sep)) continue
        if (path.relative(packages, target).split(path.sep)[0] !== area) crossing.push(`${path.relative(root, file)} → ${spec}`)
      }
    }
    expect(crossing).toEqual([])
  })

  it('the brand colour is written only in the design tokens', () => {
    const hits = files(root).filter((f) => !f.includes(`${path.sep}styles${path.sep}`) && /#10a66b/i.test(fs.readFileSync(f, 'utf8')))
    expect(hits.map((f) => path.relative(root, f))).toEqual([])
  })
})
