import fs from 'node:fs'
import path from 'node:path'
import { knownCollections } from '../../scripts/known-collections'

describe('database security rules', () => {
  const rules = JSON.parse(fs.readFileSync(path.join(__dirname, '../../database.rules.json'), 'utf8')) as Record<string, { read: unknown; write: unknown }>

  it('deny every direct client read and write, for every collection the product uses', async () => {
    const names = knownCollections()
    const missing = names.filter((n) => !rules[n])
    expect({ missing }).toEqual({ missing: [] })
    for (const [name, rule] of Object.entries(rules)) expect({ name, ...rule }).toEqual({ name, read: false, write: false })
  })
})
