import Database from 'better-sqlite3'
import fs from 'node:fs'
import path from 'node:path'
import { decodeStored, encodeStored, type Doc } from './ejson-codec'
import { wireErrors } from './wire-errors'
import type { IndexSpec } from '../../../core/kernel/indexes'

export interface StoredRow {
  id: string
  rev: number
  doc: Doc
}

export type IdOrder = 'ASC' | 'DESC'

interface RawRow {
  _id: string
  rev: number
  doc: string
}

export interface SqlFilter {
  sql: string
  params: unknown[]
}

/**
 * Durable document storage: one SQLite table per collection, (_id, rev, doc JSON).
 * `rev` is bumped on every write; transactions use it to detect conflicting writers.
 */
export class SqliteStore {
  readonly sqlite: Database.Database
  private readonly known = new Set<string>()
  private readonly indexSpecs: (collection: string) => IndexSpec[]
  private statementCache = new Map<string, Database.Statement>()
  /** Indexed fields that hold an array in some document: the planner must not push them down. */
  private readonly arrayFields = new Map<string, Set<string>>()
  /**
   * Collections where some document has a numeric _id. The _id column is TEXT, so SQL would order and
   * compare such ids as text, while MongoDB puts numbers before strings: _id ranges and _id order are
   * decided in SQL only for collections without them (in this project: all of them).
   */
  private readonly numericIdCollections = new Set<string>()

  constructor(file: string, indexSpecs: (collection: string) => IndexSpec[]) {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true })
    this.sqlite = new Database(file)
    this.sqlite.pragma('journal_mode = WAL')
    this.sqlite.pragma('synchronous = NORMAL')
    this.sqlite.pragma('busy_timeout = 5000')
    this.runAtomically = this.sqlite.transaction((fn: () => unknown) => fn())
    this.indexSpecs = indexSpecs
    for (const row of this.sqlite.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name LIKE 'c\\_%' ESCAPE '\\'").all() as { name: string }[]) {
      this.known.add(row.name.slice(2))
    }
    this.sqlite.exec('CREATE TABLE IF NOT EXISTS _array_fields (collection TEXT NOT NULL, field TEXT NOT NULL, PRIMARY KEY (collection, field))')
    for (const row of this.sqlite.prepare('SELECT collection, field FROM _array_fields').all() as { collection: string; field: string }[]) {
      this.markArray(row.collection, row.field, false)
    }
    this.sqlite.exec('CREATE TABLE IF NOT EXISTS _numeric_ids (collection TEXT PRIMARY KEY)')
    for (const row of this.sqlite.prepare('SELECT collection FROM _numeric_ids').all() as { collection: string }[]) this.numericIdCollections.add(row.collection)
  }

  static tableName(collection: string): string {
    if (!/^[A-Za-z_][A-Za-z0-9_-]{0,63}$/.test(collection)) throw wireErrors.invalidParam(`invalid collection name: ${collection}`)
    return `"c_${collection}"`
  }

  hasCollection(collection: string): boolean {
    return this.known.has(collection)
  }

  collections(): string[] {
    return [...this.known]
  }

  /** CloudBase creates collections in the console; locally the first write creates one, with its declared indexes. */
  ensureCollection(collection: string): void {
    if (this.known.has(collection)) {
      this.ensureIndexes(collection)
      return
    }
    const table = SqliteStore.tableName(collection)
    this.sqlite.exec(`CREATE TABLE IF NOT EXISTS ${table} (_id TEXT PRIMARY KEY, rev INTEGER NOT NULL, doc TEXT NOT NULL)`)
    this.known.add(collection)
    this.ensureIndexes(collection)
  }

  private indexed = new Set<string>()
  private ensureIndexes(collection: string): void {
    const table = SqliteStore.tableName(collection)
    for (const spec of this.indexSpecs(collection)) {
      const name = `ix_${collection}_${spec.fields.join('_').replace(/[^A-Za-z0-9_]/g, '_')}`
      if (this.indexed.has(name)) continue
      const cols = spec.fields.map((f) => jsonPath(f)).join(', ')
      this.sqlite.exec(`CREATE ${spec.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS "${name}" ON ${table} (${cols})`)
      this.indexed.add(name)
    }
  }

  private stmt(sql: string): Database.Statement {
    let s = this.statementCache.get(sql)
    if (!s) {
      s = this.sqlite.prepare(sql)
      this.statementCache.set(sql, s)
    }
    return s
  }

  getById(collection: string, id: string): StoredRow | undefined {
    const row = this.getRawById(collection, id)
    return row ? { id, rev: row.rev, doc: decodeStored(row.text) } : undefined
  }

  /** The stored text as is: a point read that returns the document unchanged never decodes it. */
  getRawById(collection: string, id: string): { rev: number; text: string } | undefined {
    if (!this.known.has(collection)) return undefined
    const row = this.stmt(`SELECT rev, doc FROM ${SqliteStore.tableName(collection)} WHERE _id = ?`).get(id) as { rev: number; doc: string } | undefined
    return row ? { rev: row.rev, text: row.doc } : undefined
  }

  revOf(collection: string, id: string): number | null {
    if (!this.known.has(collection)) return null
    const row = this.stmt(`SELECT rev FROM ${SqliteStore.tableName(collection)} WHERE _id = ?`).get(id) as { rev: number } | undefined
    return row ? row.rev : null
  }

  /**
   * Rows whose SQL pre-filter matches; the caller applies the exact MongoDB semantics on top. Natural
   * order is rowid (insertion) order; `order` 'ASC'/'DESC' orders by _id instead (the primary key, so
   * SQLite walks its index and LIMIT stops the walk early).
   */
  scan(collection: string, filter?: SqlFilter, page?: { offset: number; limit: number }, order?: IdOrder): StoredRow[] {
    if (!this.known.has(collection)) return []
    const paging = page ? ` LIMIT ${Math.floor(page.limit)} OFFSET ${Math.floor(page.offset)}` : ''
    const rows = this.stmt(this.selectSql(collection, filter, order) + paging).all(...(filter?.params ?? [])) as RawRow[]
    return rows.map((r) => ({ id: r._id, rev: r.rev, doc: decodeStored(r.doc) }))
  }

  /**
   * The same rows one at a time, decoded only when reached: a caller that stops after its page (a
   * residual filter that mingo decides, then skip/limit) never reads or decodes the rest.
   */
  *iterate(collection: string, filter?: SqlFilter, order?: IdOrder): Generator<Doc> {
    if (!this.known.has(collection)) return
    // A fresh statement: a cached one cannot serve a second query while this iteration is open.
    const stmt = this.sqlite.prepare(this.selectSql(collection, filter, order))
    for (const r of stmt.iterate(...(filter?.params ?? [])) as IterableIterator<RawRow>) yield decodeStored(r.doc)
  }

  private selectSql(collection: string, filter: SqlFilter | undefined, order: IdOrder | undefined): string {
    const where = filter && filter.sql ? ` WHERE ${filter.sql}` : ''
    return `SELECT _id, rev, doc FROM ${SqliteStore.tableName(collection)}${where} ORDER BY ${order ? `_id ${order}` : 'rowid'}`
  }

  /** False when some document of the collection has a numeric _id (see numericIdCollections). */
  idsAllText(collection: string): boolean {
    return !this.numericIdCollections.has(collection)
  }

  private noteId(collection: string, doc: Doc): void {
    if (typeof doc._id !== 'number' || this.numericIdCollections.has(collection)) return
    this.numericIdCollections.add(collection)
    this.stmt('INSERT OR IGNORE INTO _numeric_ids (collection) VALUES (?)').run(collection)
  }

  count(collection: string, filter?: SqlFilter): number {
    if (!this.known.has(collection)) return 0
    const where = filter && filter.sql ? ` WHERE ${filter.sql}` : ''
    const row = this.stmt(`SELECT COUNT(*) AS n FROM ${SqliteStore.tableName(collection)}${where}`).get(...(filter?.params ?? [])) as { n: number }
    return row.n
  }

  /** Indexed fields the planner may push down for this collection. */
  pushdownFields(collection: string): Set<string> {
    const arrays = this.arrayFields.get(collection)
    const out = new Set<string>()
    for (const spec of this.indexSpecs(collection)) for (const f of spec.fields) if (!arrays?.has(f)) out.add(f)
    return out
  }

  private markArray(collection: string, field: string, persist: boolean): void {
    let set = this.arrayFields.get(collection)
    if (!set) this.arrayFields.set(collection, (set = new Set()))
    if (set.has(field)) return
    set.add(field)
    if (persist) this.stmt('INSERT OR IGNORE INTO _array_fields (collection, field) VALUES (?, ?)').run(collection, field)
  }

  /** MongoDB equality matches array elements, which SQL equality on json_extract does not: remember such fields. */
  private noteArrays(collection: string, doc: Doc): void {
    for (const spec of this.indexSpecs(collection)) {
      for (const field of spec.fields) {
        let v: unknown = doc
        for (const part of field.split('.')) v = v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>)[part] : Array.isArray(v) ? v : undefined
        if (Array.isArray(v)) this.markArray(collection, field, true)
      }
    }
  }

  insert(collection: string, id: string, doc: Doc): void {
    this.ensureCollection(collection)
    this.noteArrays(collection, doc)
    this.noteId(collection, doc)
    try {
      this.stmt(`INSERT INTO ${SqliteStore.tableName(collection)} (_id, rev, doc) VALUES (?, 1, ?)`).run(id, encodeStored(doc))
    } catch (e) {
      throw translateConstraint(e, collection, id)
    }
  }

  replace(collection: string, id: string, doc: Doc): void {
    this.noteArrays(collection, doc)
    try {
      this.stmt(`UPDATE ${SqliteStore.tableName(collection)} SET doc = ?, rev = rev + 1 WHERE _id = ?`).run(encodeStored(doc), id)
    } catch (e) {
      throw translateConstraint(e, collection, id)
    }
  }

  /**
   * Replace, or insert when missing (a transaction's commit does not need to look first). Not an UPSERT
   * statement: its conflict clause would override the OR IGNORE of triggers others put on these tables.
   */
  put(collection: string, id: string, doc: Doc): void {
    this.ensureCollection(collection)
    this.noteArrays(collection, doc)
    this.noteId(collection, doc)
    const text = encodeStored(doc)
    try {
      const res = this.stmt(`UPDATE ${SqliteStore.tableName(collection)} SET doc = ?, rev = rev + 1 WHERE _id = ?`).run(text, id)
      if (res.changes === 0) this.stmt(`INSERT INTO ${SqliteStore.tableName(collection)} (_id, rev, doc) VALUES (?, 1, ?)`).run(id, text)
    } catch (e) {
      throw translateConstraint(e, collection, id)
    }
  }

  delete(collection: string, id: string): void {
    if (!this.known.has(collection)) return
    this.stmt(`DELETE FROM ${SqliteStore.tableName(collection)} WHERE _id = ?`).run(id)
  }

  /** Runs `fn` as one SQLite transaction: every write in it lands or none does. */
  atomically<T>(fn: () => T): T {
    // One wrapper for every call: better-sqlite3 builds a new function per transaction() call otherwise.
    // Nested calls become savepoints, so a write transaction can batch several atomic steps into one commit.
    return this.runAtomically.immediate(fn) as T
  }

  private readonly runAtomically: Database.Transaction<(fn: () => unknown) => unknown>

  close(): void {
    this.sqlite.close()
  }
}

export function jsonPath(field: string): string {
  if (!/^[A-Za-z0-9_.]+$/.test(field)) throw wireErrors.invalidParam(`invalid field path: ${field}`)
  return `json_extract(doc, '$.${field}')`
}

function translateConstraint(e: unknown, collection: string, id: string): Error {
  const err = e as { code?: string; message?: string }
  if (err && typeof err.code === 'string' && err.code.startsWith('SQLITE_CONSTRAINT')) {
    const index = /PRIMARY|_id/.test(err.message ?? '') ? '_id_' : (err.message ?? 'unique')
    return wireErrors.duplicateKey(collection, index, JSON.stringify(id))
  }
  return e as Error
}
