import { appWiring } from '../cloudfunctions/areas'
import { OUTBOX_COLLECTION } from '../cloudfunctions/platform/local/outbox/outbox-notifier'

/**
 * Every collection the product uses: what the areas declare (cloudfunctions/areas.ts), plus the local
 * dev outbox (a test asserts the demo seed writes nowhere else).
 */
export function knownCollections(): string[] {
  return [...new Set([...appWiring().collections, OUTBOX_COLLECTION])].sort()
}
