import fs from 'node:fs'
import path from 'node:path'
import { AREAS, appWiring } from '../../cloudfunctions/areas'
import { indexTable } from '../../scripts/index-table'
import { knownCollections } from '../../scripts/known-collections'
import { createLocalPlatform } from '../../cloudfunctions/platform/local/local-platform'
import { seedDemo } from '../../cloudfunctions/platform/local/demo/seed-demo'
import { ALL_ERROR_MESSAGES } from '../../cloudfunctions/contracts/errors'

const ROOT = path.join(__dirname, '../..')

describe('areas.ts is the one source of collections, indexes and error codes', () => {
  it("docs/architecture.md's console index list is exactly what the areas declare", () => {
    const doc = fs.readFileSync(path.join(ROOT, 'docs/architecture.md'), 'utf8')
    const start = doc.indexOf('| collection | fields | unique |')
    const table = doc.slice(start, doc.indexOf('\n\n', start))
    expect(table).toBe(indexTable())
    // A drift seen before: an index declared in code but missing from the console list.
    expect(table).toContain('| idempotency_keys | expireAt |  |')
  })

  it('database.rules.json has a deny-all rule for exactly the declared collections', () => {
    const rules = JSON.parse(fs.readFileSync(path.join(ROOT, 'database.rules.json'), 'utf8')) as Record<string, unknown>
    expect(Object.keys(rules).sort()).toEqual(knownCollections())
  })

  it('every index is on a collection some area declares, and each collection has one owner', () => {
    const wiring = appWiring()
    const declared = new Set(wiring.collections)
    expect(wiring.indexes.filter((i) => !declared.has(i.collection))).toEqual([])
    const owners = AREAS.flatMap((a) => a.collections)
    expect(owners.length).toBe(new Set(owners).size)
  })

  it('the demo seed writes only declared collections, and the local engine creates their indexes', async () => {
    const platform = createLocalPlatform({ quiet: true })
    try {
      await seedDemo({ db: platform.db, now: new Date('2026-12-03T02:00:00Z'), pepper: 'x' })
      const written = platform.local.engine.store.collections()
      expect(written.filter((c) => !knownCollections().includes(c))).toEqual([])
      expect(written.length).toBeGreaterThan(10)
    } finally {
      platform.local.close()
    }
  })

  it('every area error code is in the ErrorCode union DomainError accepts', () => {
    for (const area of AREAS) {
      for (const [code, message] of Object.entries(area.errors)) {
        expect(ALL_ERROR_MESSAGES[code as keyof typeof ALL_ERROR_MESSAGES]).toBe(message)
      }
    }
  })

  it('order types and outbox effects come from the areas, each declared once', () => {
    const wiring = appWiring()
    expect([...wiring.orderTypes.keys()].sort()).toEqual(['fee', 'groupbuy', 'service'])
    expect([...wiring.effects.keys()]).toEqual([
      'fees.refund-double-paid',
      'fees.profile-facts',
      'groupbuy.paid-after-close',
      'repairs.profile-facts',
      'attribution.paid',
      'attribution.fulfilled',
      'attribution.refunded',
      'merchants.paid',
      'merchants.fulfilled',
      'merchants.refunded',
      'groups.paid-activity',
      'groups.entry-activity',
      'groups.profile-facts',
      'profiles.paid-interest',
    ])
    const byTopic = (topic: string) => [...wiring.effects].filter(([, e]) => e.topics.includes(topic)).map(([n]) => n)
    // Fulfilled and refunded moments reach other areas only through the outbox, like paid.
    expect(byTopic('order.fulfilled')).toEqual(['attribution.fulfilled', 'merchants.fulfilled'])
    expect(byTopic('order.refunded')).toEqual(['attribution.refunded', 'merchants.refunded'])
    // Household facts of repairs and groups ride on the ticket's or the membership's own commit (docs/profiles.md).
    expect(byTopic('repair.filed')).toEqual(['repairs.profile-facts'])
    expect(byTopic('repair.completed')).toEqual(['repairs.profile-facts'])
    expect(byTopic('group.joined')).toEqual(['groups.profile-facts'])
    expect(byTopic('group.entered')).toEqual(['groups.entry-activity', 'groups.profile-facts'])
  })
})
