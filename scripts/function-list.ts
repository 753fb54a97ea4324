import fs from 'node:fs'
import path from 'node:path'

export const ROOT = path.resolve(__dirname, '..')
export const FUNCTIONS_SRC = path.join(ROOT, 'cloudfunctions')
export const FUNCTIONS_OUT = path.join(ROOT, 'dist/functions')

/** A deployable function is a folder of cloudfunctions/ with an index.ts entry (contracts, core... have none). */
export function functionNames(): string[] {
  return fs
    .readdirSync(FUNCTIONS_SRC, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(FUNCTIONS_SRC, d.name, 'index.ts')))
    .map((d) => d.name)
    .sort()
}
