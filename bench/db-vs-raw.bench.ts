import Database from 'better-sqlite3'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createLocalDb } from '../cloudfunctions/platform/local/db/create-local-db'
import type { BenchRow } from './bench-table'

/**
 * The local engine (through the real @cloudbase/database query builder) against raw better-sqlite3 doing
 * the same logical work on the same 10k documents, in one run, so the ratio is not skewed by machine load.
 *
 * "Raw" is the least a hand-written SQLite data layer would do for each operation:
 * - point get: one prepared SELECT by primary key + JSON.parse of the stored document;
 * - conditional update: one IMMEDIATE transaction reading the row, checking `stock >= 1`, decrementing it
 *   and writing the re-serialised document back;
 * - transaction: one IMMEDIATE transaction reading one document and rewriting two.
 * Both sides use a file-backed database in WAL mode with synchronous=NORMAL, like the engine's store.
 */
const SIZE = 10_000
const ROUNDS = 3

interface Pair {
  metric: string
  engine: (i: number) => Promise<unknown>
  raw: (i: number) => unknown
  count: number
  target: number
}

function seedDoc(i: number) {
  return { _id: `i${i}`, group: `g${i % 1000}`, stock: 1_000_000, price: i % 997, title: `item ${i}`, tags: ['a', 'b'] }
}

async function timeAsync(count: number, op: (i: number) => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint()
  for (let i = 0; i < count; i++) await op(i)
  return Number(process.hrtime.bigint() - started) / 1e3 / count
}

function timeSync(count: number, op: (i: number) => unknown): number {
  const started = process.hrtime.bigint()
  for (let i = 0; i < count; i++) op(i)
  return Number(process.hrtime.bigint() - started) / 1e3 / count
}

export default async function dbVsRawBench(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-db-raw-'))
  const local = createLocalDb({ dataDir: path.join(dir, 'engine'), indexSpecs: (c) => (c === 'items' ? [{ collection: 'items', fields: ['group'] }] : []) })
  const { db } = local
  const _ = db.command
  for (let i = 0; i < SIZE; i += 1000) await db.collection('items').add(Array.from({ length: 1000 }, (_x, j) => seedDoc(i + j)))

  const raw = new Database(path.join(dir, 'raw.sqlite'))
  raw.pragma('journal_mode = WAL')
  raw.pragma('synchronous = NORMAL')
  raw.exec('CREATE TABLE items (_id TEXT PRIMARY KEY, doc TEXT NOT NULL)')
  const insert = raw.prepare('INSERT INTO items (_id, doc) VALUES (?, ?)')
  raw.transaction(() => {
    for (let i = 0; i < SIZE; i++) insert.run(`i${i}`, JSON.stringify(seedDoc(i)))
  })()
  const select = raw.prepare('SELECT doc FROM items WHERE _id = ?')
  const write = raw.prepare('UPDATE items SET doc = ? WHERE _id = ?')
  const read = (id: string) => JSON.parse((select.get(id) as { doc: string }).doc)
  const rawDecrement = raw.transaction((id: string) => {
    const doc = read(id)
    if (!(doc.stock >= 1)) return 0
    doc.stock -= 1
    write.run(JSON.stringify(doc), id)
    return 1
  })
  const rawTransfer = raw.transaction((a: string, b: string) => {
    const from = read(a)
    from.stock -= 1
    write.run(JSON.stringify(from), a)
    const to = read(b)
    to.stock += 1
    write.run(JSON.stringify(to), b)
  })

  const pick = (i: number) => `i${(i * 7919) % SIZE}`
  const pairs: Pair[] = [
    {
      metric: 'point get doc(id).get()',
      engine: (i) => db.collection('items').doc(pick(i)).get(),
      raw: (i) => read(pick(i)),
      count: 3000,
      target: 5,
    },
    {
      metric: 'conditional update where({_id, stock: gte(1)}).update(inc(-1))',
      engine: (i) => db.collection('items').where({ _id: pick(i), stock: _.gte(1) }).update({ stock: _.inc(-1) }),
      raw: (i) => rawDecrement.immediate(pick(i)),
      count: 2000,
      target: 20,
    },
    {
      metric: 'transaction (get + 2 updates + commit)',
      engine: (i) =>
        db.runTransaction(async (tx: any) => {
          const a = (await tx.collection('items').doc(pick(i)).get()).data
          await tx.collection('items').doc(pick(i)).update({ stock: a.stock - 1 })
          await tx.collection('items').doc(pick(i + 1)).update({ stock: _.inc(1) })
        }),
      raw: (i) => rawTransfer.immediate(pick(i), pick(i + 1)),
      count: 1000,
      target: 30,
    },
  ]

  const rows: BenchRow[] = []
  for (const pair of pairs) {
    // Warm both sides (JIT, statement caches), then take the best of a few interleaved rounds.
    await timeAsync(200, pair.engine)
    timeSync(200, pair.raw)
    let engineUs = Infinity
    let rawUs = Infinity
    for (let r = 0; r < ROUNDS; r++) {
      engineUs = Math.min(engineUs, await timeAsync(pair.count, pair.engine))
      rawUs = Math.min(rawUs, timeSync(pair.count, pair.raw))
    }
    const ratio = engineUs / rawUs
    rows.push({
      area: 'db engine vs raw (10k docs)',
      metric: pair.metric,
      value: `${ratio.toFixed(1)}× raw`,
      note: `engine ${engineUs.toFixed(1)} µs, raw ${rawUs.toFixed(1)} µs; target ≤ ${pair.target}× ${ratio <= pair.target ? 'met' : 'MISSED'}`,
    })
  }

  local.close()
  raw.close()
  fs.rmSync(dir, { recursive: true, force: true })
  return rows
}
