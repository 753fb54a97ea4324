import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createLocalDb } from '../cloudfunctions/platform/local/db/create-local-db'
import { perSecond, type BenchRow } from './bench-table'

/** Local engine throughput through the real query builder, on a file-backed SQLite in WAL mode. */
async function timeIt(count: number, op: (i: number) => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint()
  for (let i = 0; i < count; i++) await op(i)
  return Number(process.hrtime.bigint() - started) / 1e6
}

async function benchAtSize(size: number): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-db-'))
  const local = createLocalDb({
    dataDir: dir,
    indexSpecs: (c) => (c === 'items' ? [{ collection: 'items', fields: ['group'] }] : []),
  })
  const { db, engine } = local
  const _ = db.command
  const area = `db ${size / 1000}k docs`
  const rows: BenchRow[] = []

  const insertStarted = process.hrtime.bigint()
  for (let i = 0; i < size; i += 1000) {
    const batch = Array.from({ length: Math.min(1000, size - i) }, (_x, j) => ({ _id: `i${i + j}`, group: `g${(i + j) % 1000}`, stock: 1_000_000, price: (i + j) % 997 }))
    await db.collection('items').add(batch)
  }
  const insertMs = Number(process.hrtime.bigint() - insertStarted) / 1e6
  rows.push({ area, metric: 'batch insert (1000/call)', value: perSecond(size, insertMs), note: 'docs/s' })

  const n = 2000
  const pick = (i: number) => `i${(i * 7919) % size}`
  let ms = await timeIt(n, (i) => db.collection('items').doc(pick(i)).get())
  rows.push({ area, metric: 'point get doc(id).get()', value: perSecond(n, ms), note: 'ops/s' })

  ms = await timeIt(n, (i) => db.collection('items').where({ group: `g${i % 1000}` }).limit(10).get())
  rows.push({ area, metric: 'indexed query where({group}).limit(10)', value: perSecond(n, ms), note: `${size / 1000} docs per group` })

  ms = await timeIt(n, (i) => db.collection('items').where({ _id: pick(i), stock: _.gte(1) }).update({ stock: _.inc(-1) }))
  rows.push({ area, metric: 'conditional update (stock gte 1, inc -1)', value: perSecond(n, ms), note: 'ops/s' })

  const tn = 1000
  ms = await timeIt(tn, (i) =>
    db.runTransaction(async (tx: any) => {
      const a = (await tx.collection('items').doc(pick(i)).get()).data
      await tx.collection('items').doc(pick(i)).update({ stock: a.stock - 1 })
      await tx.collection('items').doc(pick(i + 1)).update({ stock: _.inc(1) })
    }),
  )
  rows.push({ area, metric: 'transaction (get + 2 updates + commit)', value: perSecond(tn, ms), note: 'tx/s' })

  const calls = engine.callCount
  local.close()
  fs.rmSync(dir, { recursive: true, force: true })
  rows.push({ area, metric: 'wire calls executed', value: calls.toLocaleString('en-US') })
  return rows
}

export default async function dbBench(): Promise<BenchRow[]> {
  return [...(await benchAtSize(10_000)), ...(await benchAtSize(100_000))]
}
