/**
 * `npm run build:functions`: bundles each cloudfunctions/<fn>/index.ts with esbuild into
 * dist/functions/<fn>/index.js plus a package.json naming only what CloudBase must install at deploy
 * (@cloudbase/node-sdk). Fails if a bundle pulls in anything of the local world (SQLite, the gateway).
 */
import { build } from 'esbuild'
import fs from 'node:fs'
import path from 'node:path'
import { FUNCTIONS_OUT, FUNCTIONS_SRC, ROOT, functionNames } from './function-list'

const RUNTIME_PACKAGES = ['@cloudbase/node-sdk']
const FORBIDDEN_IN_BUNDLE = [/node_modules\/better-sqlite3\//, /node_modules\/mingo\//, /node_modules\/express\//, /cloudfunctions\/platform\/local\//]

async function buildOne(name: string, rootPkg: { dependencies: Record<string, string> }): Promise<{ name: string; bytes: number }> {
  const outDir = path.join(FUNCTIONS_OUT, name)
  fs.rmSync(outDir, { recursive: true, force: true })
  const result = await build({
    entryPoints: [path.join(FUNCTIONS_SRC, name, 'index.ts')],
    outfile: path.join(outDir, 'index.js'),
    bundle: true,
    platform: 'node',
    // CloudBase's Node 16.13 runtime is the oldest we deploy to.
    target: 'node16',
    format: 'cjs',
    sourcemap: false,
    minify: true,
    keepNames: true,
    legalComments: 'none',
    external: RUNTIME_PACKAGES,
    metafile: true,
    logLevel: 'warning',
  })
  const inputs = Object.keys(result.metafile.inputs)
  const leaked = inputs.filter((i) => FORBIDDEN_IN_BUNDLE.some((re) => re.test(i)))
  if (leaked.length) throw new Error(`function ${name} bundles local-only code: ${leaked.slice(0, 5).join(', ')}`)
  const dependencies = Object.fromEntries(RUNTIME_PACKAGES.map((p) => [p, rootPkg.dependencies[p]]))
  fs.writeFileSync(
    path.join(outDir, 'package.json'),
    JSON.stringify({ name, version: '1.0.0', private: true, main: 'index.js', dependencies }, null, 2) + '\n',
  )
  return { name, bytes: fs.statSync(path.join(outDir, 'index.js')).size }
}

async function main() {
  const rootPkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'))
  const names = functionNames()
  const built = []
  for (const name of names) built.push(await buildOne(name, rootPkg))
  for (const b of built) console.log(`  ${b.name.padEnd(14)} ${(b.bytes / 1024).toFixed(1).padStart(7)} KB`)
  console.log(`built ${built.length} functions into ${path.relative(ROOT, FUNCTIONS_OUT)}/`)
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
