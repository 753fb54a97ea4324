import fs from 'node:fs'
import path from 'node:path'

export interface BuiltFile {
  rel: string
  bytes: number
}

export function listFiles(dir: string): BuiltFile[] {
  const out: BuiltFile[] = []
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name)
      if (e.isDirectory()) walk(full)
      else out.push({ rel: path.relative(dir, full).split(path.sep).join('/'), bytes: fs.statSync(full).size })
    }
  }
  walk(dir)
  return out
}

/**
 * What WeChat counts: every file of the build except the DevTools project file; the main package is
 * everything outside the subpackage roots listed in app.json.
 */
export function packageSizes(weappDir: string): { mainBytes: number; totalBytes: number; subpackages: Record<string, number> } {
  const app = JSON.parse(fs.readFileSync(path.join(weappDir, 'app.json'), 'utf8')) as { subPackages?: { root: string }[]; subpackages?: { root: string }[] }
  const roots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/$/, '') + '/')
  const files = listFiles(weappDir).filter((f) => !/^project(\.private)?\.config\.json$/.test(f.rel))
  const subpackages: Record<string, number> = {}
  let mainBytes = 0
  for (const f of files) {
    const root = roots.find((r) => f.rel.startsWith(r))
    if (root) subpackages[root] = (subpackages[root] ?? 0) + f.bytes
    else mainBytes += f.bytes
  }
  return { mainBytes, totalBytes: files.reduce((s, f) => s + f.bytes, 0), subpackages }
}
