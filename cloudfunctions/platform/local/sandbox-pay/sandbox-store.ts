import Database from 'better-sqlite3'
import fs from 'node:fs'
import path from 'node:path'
import type { JsapiPrepayBody } from '../../../core/kernel/ports/payments.port'

export interface SandboxTransaction {
  orderNo: string
  prepayId: string
  amountFen: number
  description: string
  payerOpenid: string
  state: 'NOTPAY' | 'SUCCESS' | 'CLOSED' | 'REFUND'
  transactionId: string | null
  expiresAt: string
  paidAt: string | null
  /** The v3 JSAPI body the prepay was made from (settle_info.profit_sharing among it); absent on older records. */
  request?: JsapiPrepayBody
}

export interface SandboxRefund {
  refundNo: string
  orderNo: string
  refundId: string
  refundFen: number
  state: 'PROCESSING' | 'SUCCESS' | 'CHANGE'
  succeededAt: string | null
}

/**
 * The sandbox gateway's own ledger — WeChat Pay's side of the world, kept apart from the app database
 * (its own SQLite file next to it), so the app can only learn about payments the way it would in
 * production: from notifies and queries.
 */
export class SandboxStore {
  private readonly db: Database.Database

  constructor(dataDir?: string) {
    const file = dataDir ? path.join(dataDir, 'sandbox-pay.sqlite') : ':memory:'
    if (dataDir) fs.mkdirSync(dataDir, { recursive: true })
    this.db = new Database(file)
    this.db.exec('CREATE TABLE IF NOT EXISTS tx (order_no TEXT PRIMARY KEY, prepay_id TEXT UNIQUE NOT NULL, doc TEXT NOT NULL)')
    this.db.exec('CREATE TABLE IF NOT EXISTS refund (refund_no TEXT PRIMARY KEY, order_no TEXT NOT NULL, doc TEXT NOT NULL)')
    this.runAtomically = this.db.transaction((fn: () => unknown) => fn())
  }

  tx(orderNo: string): SandboxTransaction | undefined {
    const row = this.stmt('SELECT doc FROM tx WHERE order_no = ?').get(orderNo) as { doc: string } | undefined
    return row ? JSON.parse(row.doc) : undefined
  }

  txByPrepay(prepayId: string): SandboxTransaction | undefined {
    const row = this.stmt('SELECT doc FROM tx WHERE prepay_id = ?').get(prepayId) as { doc: string } | undefined
    return row ? JSON.parse(row.doc) : undefined
  }

  txByTransactionId(transactionId: string): SandboxTransaction | undefined {
    const row = this.stmt("SELECT doc FROM tx WHERE json_extract(doc, '$.transactionId') = ?").get(transactionId) as { doc: string } | undefined
    return row ? JSON.parse(row.doc) : undefined
  }

  saveTx(t: SandboxTransaction): void {
    this.stmt('INSERT INTO tx (order_no, prepay_id, doc) VALUES (?, ?, ?) ON CONFLICT(order_no) DO UPDATE SET prepay_id = excluded.prepay_id, doc = excluded.doc').run(t.orderNo, t.prepayId, JSON.stringify(t))
  }

  refund(refundNo: string): SandboxRefund | undefined {
    const row = this.stmt('SELECT doc FROM refund WHERE refund_no = ?').get(refundNo) as { doc: string } | undefined
    return row ? JSON.parse(row.doc) : undefined
  }

  refundsOf(orderNo: string): SandboxRefund[] {
    return (this.stmt('SELECT doc FROM refund WHERE order_no = ?').all(orderNo) as { doc: string }[]).map((r) => JSON.parse(r.doc))
  }

  processingRefunds(): SandboxRefund[] {
    return (this.stmt("SELECT doc FROM refund WHERE json_extract(doc, '$.state') = 'PROCESSING'").all() as { doc: string }[]).map((r) => JSON.parse(r.doc))
  }

  saveRefund(r: SandboxRefund): void {
    this.stmt('INSERT INTO refund (refund_no, order_no, doc) VALUES (?, ?, ?) ON CONFLICT(refund_no) DO UPDATE SET doc = excluded.doc').run(r.refundNo, r.orderNo, JSON.stringify(r))
  }

  /** Check-and-write as one step, so two racing refund submits cannot both pass the balance check. */
  atomically<T>(fn: () => T): T {
    return this.runAtomically(fn) as T
  }

  /** One wrapper for every call (better-sqlite3 builds a new function per transaction() call otherwise). */
  private readonly runAtomically: Database.Transaction<(fn: () => unknown) => unknown>

  /** Statements are prepared once: a flash sale's every prepay and notify would otherwise compile its SQL again. */
  private readonly statements = new Map<string, Database.Statement>()
  private stmt(sql: string): Database.Statement {
    let s = this.statements.get(sql)
    if (!s) this.statements.set(sql, (s = this.db.prepare(sql)))
    return s
  }

  close(): void {
    if (this.db.open) this.db.close()
  }
}
