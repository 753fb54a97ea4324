import Database from 'better-sqlite3'
import fs from 'node:fs'
import path from 'node:path'
import type { AddReceiverRequest, AddReceiverResult, ProfitSharingOrder, ProfitSharingReturn } from '../../../core/kernel/ports/profit-sharing.port'

export interface StoredSharingOrder {
  order: ProfitSharingOrder
  /** The request body as first received: the same number with another body is refused. */
  body: string
  queries: number
}

export interface StoredSharingReturn {
  ret: ProfitSharingReturn
  body: string
  queries: number
}

export interface StoredReceiver {
  request: AddReceiverRequest
  result: AddReceiverResult
}

/**
 * WeChat's side of 分账 in the sandbox: accepted splits, returns and receivers, one table each, in its own
 * SQLite file under the data dir (next to the payment sandbox's) or in memory when there is none. Durable,
 * so a restarted local stack still knows what it accepted.
 */
export class SandboxSharingStore {
  private readonly db: Database.Database

  constructor(dataDir?: string) {
    if (dataDir) fs.mkdirSync(dataDir, { recursive: true })
    this.db = new Database(dataDir ? path.join(dataDir, 'sandbox-profit-sharing.sqlite') : ':memory:')
    this.db.exec('CREATE TABLE IF NOT EXISTS ps_order (out_order_no TEXT PRIMARY KEY, doc TEXT NOT NULL)')
    this.db.exec('CREATE TABLE IF NOT EXISTS ps_return (out_return_no TEXT PRIMARY KEY, out_order_no TEXT NOT NULL, doc TEXT NOT NULL)')
    this.db.exec('CREATE TABLE IF NOT EXISTS ps_receiver (account TEXT PRIMARY KEY, doc TEXT NOT NULL)')
  }

  order(outOrderNo: string): StoredSharingOrder | undefined {
    const row = this.db.prepare('SELECT doc FROM ps_order WHERE out_order_no = ?').get(outOrderNo) as { doc: string } | undefined
    return row ? JSON.parse(row.doc) : undefined
  }

  saveOrder(o: StoredSharingOrder): void {
    this.db.prepare('INSERT INTO ps_order (out_order_no, doc) VALUES (?, ?) ON CONFLICT(out_order_no) DO UPDATE SET doc = excluded.doc').run(o.order.out_order_no, JSON.stringify(o))
  }

  allOrders(): StoredSharingOrder[] {
    return (this.db.prepare('SELECT doc FROM ps_order').all() as { doc: string }[]).map((r) => JSON.parse(r.doc))
  }

  ret(outReturnNo: string): StoredSharingReturn | undefined {
    const row = this.db.prepare('SELECT doc FROM ps_return WHERE out_return_no = ?').get(outReturnNo) as { doc: string } | undefined
    return row ? JSON.parse(row.doc) : undefined
  }

  returnsOf(outOrderNo: string): StoredSharingReturn[] {
    return (this.db.prepare('SELECT doc FROM ps_return WHERE out_order_no = ?').all(outOrderNo) as { doc: string }[]).map((r) => JSON.parse(r.doc))
  }

  saveReturn(r: StoredSharingReturn): void {
    this.db
      .prepare('INSERT INTO ps_return (out_return_no, out_order_no, doc) VALUES (?, ?, ?) ON CONFLICT(out_return_no) DO UPDATE SET doc = excluded.doc')
      .run(r.ret.out_return_no, r.ret.out_order_no, JSON.stringify(r))
  }

  allReturns(): StoredSharingReturn[] {
    return (this.db.prepare('SELECT doc FROM ps_return').all() as { doc: string }[]).map((r) => JSON.parse(r.doc))
  }

  receiver(account: string): StoredReceiver | undefined {
    const row = this.db.prepare('SELECT doc FROM ps_receiver WHERE account = ?').get(account) as { doc: string } | undefined
    return row ? JSON.parse(row.doc) : undefined
  }

  saveReceiver(account: string, r: StoredReceiver): void {
    this.db.prepare('INSERT INTO ps_receiver (account, doc) VALUES (?, ?) ON CONFLICT(account) DO UPDATE SET doc = excluded.doc').run(account, JSON.stringify(r))
  }

  /** Check-and-write as one step, so two racing requests with one number cannot both be accepted. */
  atomically<T>(fn: () => T): T {
    return this.db.transaction(fn)()
  }

  close(): void {
    if (this.db.open) this.db.close()
  }
}
