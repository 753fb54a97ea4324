/** Prints every declared index (from cloudfunctions/areas.ts) as a Markdown table, for docs/architecture.md and the CloudBase console. */
import { indexTable } from './index-table'

console.log(indexTable())
