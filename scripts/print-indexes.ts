/** Prints every declared index as a Markdown table, for docs/architecture.md and the CloudBase console. */
import { declaredIndexes } from '../cloudfunctions/core/kernel/indexes'
import { functionRegistry } from '../cloudfunctions/platform/local/function-registry'

void functionRegistry
const rows = [...declaredIndexes()].sort((a, b) => a.collection.localeCompare(b.collection) || a.fields.join().localeCompare(b.fields.join()))
console.log('| collection | fields | unique |\n|---|---|---|')
for (const r of rows) console.log(`| ${r.collection} | ${r.fields.join(', ')} | ${r.unique ? 'yes' : ''} |`)
