import { inflateSync } from 'node:zlib'
import { createLocalPlatform } from '../../../cloudfunctions/platform/local/local-platform'
import { seedDemo } from '../../../cloudfunctions/platform/local/demo/seed-demo'
import { drawProduct, PRODUCT_ART } from '../../../cloudfunctions/platform/local/demo/groupbuy-product-art'
import { sniffContentType } from '../../../cloudfunctions/core/storage/sniff-content-type'
import { must } from '../../../cloudfunctions/core/kernel/db-result'
import type { Storage } from '../../../cloudfunctions/core/kernel/ports/storage.port'
import { GROUPBUY_COLLECTIONS, type CampaignDoc, type SkuDoc } from '../../../cloudfunctions/core/groupbuy/groupbuy.model'

/** The demo's product pictures are real PNGs, drawn locally, and reach campaigns through the Storage port. */
describe('groupbuy demo pictures', () => {
  it('every picture is a valid 320×320 RGB PNG that is not one flat colour', () => {
    for (const name of PRODUCT_ART) {
      const png = drawProduct(name)
      expect(sniffContentType(png)).toBe('image/png')
      expect([png.readUInt32BE(16), png.readUInt32BE(20), png[24], png[25]]).toEqual([320, 320, 8, 2])
      const idatAt = png.indexOf('IDAT')
      const raw = inflateSync(png.subarray(idatAt + 4, idatAt + 4 + png.readUInt32BE(idatAt - 4)))
      expect(raw.length).toBe((320 * 3 + 1) * 320)
      const colours = new Set<string>()
      for (let i = 1; i < raw.length; i += 97) colours.add(raw.subarray(i, i + 3).toString('hex'))
      expect(colours.size).toBeGreaterThan(20)
    }
  })

  it('seeding with storage uploads them and points every campaign and SKU at a stored image', async () => {
    const platform = createLocalPlatform({ quiet: true })
    try {
      const storage = platform.ports.storage as Storage
      await seedDemo({ db: platform.db, now: new Date('2026-12-03T02:00:00Z'), pepper: 'p', storage })
      const campaigns = must(await platform.db.collection(GROUPBUY_COLLECTIONS.campaigns).get()).data as CampaignDoc[]
      const skus = must(await platform.db.collection(GROUPBUY_COLLECTIONS.skus).get()).data as SkuDoc[]
      expect(campaigns.map((c) => c._id).sort()).toEqual(['gb-demo-cleaning', 'gb-demo-grain', 'gb-demo-oranges'])
      const ids = [...new Set([...campaigns.flatMap((c) => c.images), ...skus.map((s) => s.image!)])]
      expect(ids.every(Boolean)).toBe(true)
      const stats = await storage.stat(ids)
      expect(stats.map((s) => s.contentType)).toEqual(ids.map(() => 'image/png'))
      // Deadlines at 20:00 and pickup 09:00–19:00 Beijing time, whatever zone the machine runs in.
      const c = campaigns[0]
      expect(new Date(c.deadline).toISOString()).toBe('2026-12-06T12:00:00.000Z')
      expect([new Date(c.pickup.startsAt).toISOString(), new Date(c.pickup.endsAt).toISOString()]).toEqual(['2026-12-07T01:00:00.000Z', '2026-12-07T11:00:00.000Z'])
    } finally {
      platform.local.close()
    }
  })
})
