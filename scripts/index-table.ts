import { appWiring } from '../cloudfunctions/areas'

/** The console index list as docs/architecture.md shows it, generated from the areas' declarations. */
export function indexTable(): string {
  const rows = [...appWiring().indexes].sort((a, b) => a.collection.localeCompare(b.collection) || a.fields.join().localeCompare(b.fields.join()))
  return ['| collection | fields | unique |', '|---|---|---|', ...rows.map((r) => `| ${r.collection} | ${r.fields.join(', ')} | ${r.unique ? 'yes' : ''} |`)].join('\n')
}
