/**
 * Writes database.rules.json: one rule per collection, denying every direct client read and write.
 * All access goes through cloud functions, which use the admin SDK and are not subject to these rules.
 * Collections come from the index declarations plus whatever the demo seed creates.
 * Run after adding a collection: `npx tsx scripts/write-db-rules.ts` (a test fails until you do).
 */
import fs from 'node:fs'
import path from 'node:path'
import { knownCollections } from './known-collections'

async function main() {
  const names = await knownCollections()
  const rules = Object.fromEntries(names.map((n) => [n, { read: false, write: false }]))
  fs.writeFileSync(path.join(__dirname, '../database.rules.json'), JSON.stringify(rules, null, 2) + '\n')
  console.log(`database.rules.json: ${names.length} collections, all client access denied`)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
