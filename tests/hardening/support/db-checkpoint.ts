import type { LocalPlatform } from '../../../cloudfunctions/platform/local/local-platform'
import { decodeStored, type Doc } from '../../../cloudfunctions/platform/local/db/ejson-codec'

/** One row written since the checkpoint. */
export interface RowChange {
  collection: string
  id: string
  /** Before the first write since the checkpoint (null: the row did not exist). */
  before: Doc | null
  /** Now (null: the row is gone). */
  after: Doc | null
}

/**
 * A cheap "rewind" for one in-memory world: every collection table is copied once, triggers record which
 * rows any later write touches, and `restore()` puts back only those rows. Seeding the demo takes ~1 s; a
 * rewind takes well under a millisecond, so the matrix and fault suites can give every cell a clean world.
 * Only test code uses this (it reaches into the local engine's SQLite file directly, on purpose).
 */
export class DbCheckpoint {
  private readonly sqlite: LocalPlatform['local']['engine']['store']['sqlite']
  private tables = new Set<string>()

  constructor(private readonly platform: LocalPlatform) {
    this.sqlite = platform.local.engine.store.sqlite
    this.sqlite.exec('CREATE TABLE IF NOT EXISTS hj_dirty (tbl TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (tbl, id)) WITHOUT ROWID')
  }

  private collectionTables(): string[] {
    return (this.sqlite.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name LIKE 'c\\_%' ESCAPE '\\'").all() as { name: string }[]).map((r) => r.name)
  }

  /** Takes the checkpoint: the world as it is now is what `restore()` returns to. */
  take(): void {
    for (const t of this.collectionTables()) this.track(t)
    this.sqlite.exec('DELETE FROM hj_dirty')
  }

  /** A table made after the checkpoint (a collection's first write) starts empty in the checkpoint. */
  private track(table: string): void {
    const snap = `"hj_snap_${table}"`
    this.sqlite.exec(`DROP TABLE IF EXISTS ${snap}`)
    this.sqlite.exec(`CREATE TABLE ${snap} AS SELECT rowid AS rid, _id, rev, doc FROM "${table}" ORDER BY rowid`)
    this.sqlite.exec(`CREATE UNIQUE INDEX IF NOT EXISTS "hj_ix_${table}" ON ${snap} (_id)`)
    for (const [event, row] of [['INSERT', 'NEW'], ['UPDATE', 'NEW'], ['DELETE', 'OLD']] as const) {
      this.sqlite.exec(
        `CREATE TEMP TRIGGER IF NOT EXISTS "hj_${event}_${table}" AFTER ${event} ON main."${table}" BEGIN INSERT OR IGNORE INTO hj_dirty (tbl, id) VALUES ('${table}', ${row}._id); END`,
      )
    }
    this.tables.add(table)
  }

  private untracked(): string[] {
    return this.collectionTables().filter((t) => !this.tables.has(t))
  }

  /** Every row written since the checkpoint (including collections created since), before and after. */
  changes(except: string[] = []): RowChange[] {
    const skip = new Set(except.map((c) => `c_${c}`))
    const out: RowChange[] = []
    const dirty = this.sqlite.prepare('SELECT tbl, id FROM hj_dirty ORDER BY tbl, id').all() as { tbl: string; id: string }[]
    for (const { tbl, id } of dirty) {
      if (skip.has(tbl)) continue
      const before = this.sqlite.prepare(`SELECT doc FROM "hj_snap_${tbl}" WHERE _id = ?`).get(id) as { doc: string } | undefined
      const after = this.sqlite.prepare(`SELECT doc FROM "${tbl}" WHERE _id = ?`).get(id) as { doc: string } | undefined
      if (before?.doc === after?.doc) continue
      out.push({ collection: tbl.slice(2), id, before: before ? decodeStored(before.doc) : null, after: after ? decodeStored(after.doc) : null })
    }
    for (const tbl of this.untracked()) {
      if (skip.has(tbl)) continue
      for (const row of this.sqlite.prepare(`SELECT _id, doc FROM "${tbl}" ORDER BY rowid`).all() as { _id: string; doc: string }[]) {
        out.push({ collection: tbl.slice(2), id: row._id, before: null, after: decodeStored(row.doc) })
      }
    }
    return out
  }

  /** Back to the checkpoint: only the rows written since are touched. */
  restore(): void {
    const dirty = this.sqlite.prepare('SELECT tbl, id FROM hj_dirty').all() as { tbl: string; id: string }[]
    const fresh = this.untracked()
    this.sqlite.transaction(() => {
      // Rows go back under their old rowid, so unsorted reads return the same order as before.
      for (const { tbl, id } of dirty) this.sqlite.prepare(`DELETE FROM "${tbl}" WHERE _id = ?`).run(id)
      for (const { tbl, id } of dirty) {
        this.sqlite.prepare(`INSERT INTO "${tbl}" (rowid, _id, rev, doc) SELECT rid, _id, rev, doc FROM "hj_snap_${tbl}" WHERE _id = ?`).run(id)
      }
      for (const tbl of fresh) this.sqlite.exec(`DELETE FROM "${tbl}"`)
      this.sqlite.exec('DELETE FROM hj_dirty')
    })()
    // Tables created after the checkpoint stay (the store remembers them) but empty; track them from now on.
    for (const tbl of fresh) this.track(tbl)
  }
}

/**
 * The sandbox payment gateway keeps WeChat Pay's side of the world in its own SQLite file; a rewind of
 * the app database must rewind it too, or a refund submitted in one cell would exhaust the balance of
 * the next. Small tables, so a full copy is fine.
 */
export class SandboxCheckpoint {
  private rows = new Map<string, Record<string, unknown>[]>()
  constructor(private readonly sqlite: { prepare(sql: string): { all(): unknown[]; run(...p: unknown[]): unknown }; transaction<T>(fn: () => T): () => T }, private readonly tables = ['tx', 'refund']) {}

  take(): void {
    for (const t of this.tables) this.rows.set(t, this.sqlite.prepare(`SELECT * FROM ${t}`).all() as Record<string, unknown>[])
  }

  restore(): void {
    this.sqlite.transaction(() => {
      for (const t of this.tables) {
        this.sqlite.prepare(`DELETE FROM ${t}`).run()
        for (const row of this.rows.get(t) ?? []) {
          const cols = Object.keys(row)
          this.sqlite.prepare(`INSERT INTO ${t} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...cols.map((c) => row[c]))
        }
      }
    })()
  }
}
