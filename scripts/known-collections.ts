import { createLocalPlatform } from '../cloudfunctions/platform/local/local-platform'
import { seedDemo } from '../cloudfunctions/platform/local/demo/seed-demo'
import { declaredIndexes } from '../cloudfunctions/core/kernel/indexes'
import { functionRegistry } from '../cloudfunctions/platform/local/function-registry'

/** Every collection the product uses: declared with indexes (modules load via the registry) or created by the seed. */
export async function knownCollections(): Promise<string[]> {
  void functionRegistry
  const platform = createLocalPlatform({ quiet: true })
  await seedDemo({ db: platform.db, now: new Date(), pepper: 'x' })
  const seeded = platform.local.engine.store.collections()
  platform.local.close()
  return [...new Set([...declaredIndexes().map((i) => i.collection), ...seeded, 'idempotency_keys'])].sort()
}
