import { randomBytes } from 'node:crypto'
import { decodeWire, decodeStored, encodeWire, usesServerDate, type Doc } from './ejson-codec'
import { wireErrors } from './wire-errors'
import type { IdOrder, SqliteStore } from './sqlite-store'
import { txKey, splitTxKey, type TransactionRegistry, type TxState, type PinnedVersion } from './transactions'
import { planFilter, type PlannedFilter } from './query-planner'
import { matches, matcherFor, findDocs, compileUpdate, applyCompiled, runPipeline } from './mongo-semantics'
import { sameDocument } from './same-document'

/** CloudBase's documented limits, kept locally so code that works here works in the cloud. */
export const LIMITS = {
  defaultGet: 100,
  maxGet: 1000,
  defaultAggregate: 20,
  maxInsertBatch: 1000,
} as const

export interface ActionScope {
  store: SqliteStore
  transactions: TransactionRegistry
  now: Date
}

type Params = Record<string, any>
type Reply = Record<string, unknown>

const handlers: Record<string, (s: ActionScope, p: Params) => Reply> = {
  'database.getDocument': getDocument,
  'database.calculateDocument': calculateDocument,
  'database.insertDocument': insertDocument,
  'database.modifyDocument': modifyDocument,
  'database.modifyAndReturnDoc': modifyAndReturnDoc,
  'database.removeDocument': removeDocument,
  'database.aggregateDocuments': aggregateDocuments,
  'database.addCollection': addCollection,
  'database.startTransaction': startTransaction,
  'database.commitTransaction': commitTransaction,
  'database.abortTransaction': abortTransaction,
}

export function runWireAction(scope: ActionScope, action: string, params: Params): Reply {
  const handler = handlers[action]
  if (!handler) throw wireErrors.invalidParam(`unsupported action ${action}`)
  return handler(scope, params)
}

function collectionOf(p: Params): string {
  const name = p.collectionName
  if (typeof name !== 'string' || !name) throw wireErrors.invalidParam('collectionName is required')
  return name
}

function queryOf(s: ActionScope, p: Params): Record<string, any> {
  const q = decodeWire(p.query, s.now)
  if (q === undefined) return {}
  if (!q || typeof q !== 'object' || Array.isArray(q)) throw wireErrors.invalidParam('query must be an object')
  return q
}

/** Inside a transaction CloudBase accepts single-document operations only, addressed by _id. */
function docIdInTransaction(p: Params, q: Record<string, any>): string {
  const id = q._id
  if (p.queryType !== 'DOC' || (typeof id !== 'string' && typeof id !== 'number') || Object.keys(q).length !== 1) {
    throw wireErrors.requestFailed('only single-document operations (doc().get/set/update/remove, add) are allowed in a transaction')
  }
  return String(id)
}

function plan(s: ActionScope, coll: string, q: Record<string, any>): PlannedFilter {
  return planFilter(q, s.store.pushdownFields(coll), { idsAllText: s.store.idsAllText(coll) })
}

function candidates(s: ActionScope, coll: string, q: Record<string, any>): Doc[] {
  return rowsFor(s, coll, plan(s, coll, q))
}

/** Rows the SQL part of a plan selects (a primary-key lookup when the plan is `_id = x`). */
function rowsFor(s: ActionScope, coll: string, filter: PlannedFilter): Doc[] {
  if (filter.idEquals !== undefined) {
    const row = s.store.getRawById(coll, filter.idEquals)
    return row ? [decodeStored(row.text)] : []
  }
  return s.store.scan(coll, filter).map((r) => r.doc)
}

/** Documents matching `q`: SQL narrows, mingo decides only what SQL could not (the plan's residual). */
function matching(s: ActionScope, coll: string, q: Record<string, any>, limit: number): Doc[] {
  const filter = plan(s, coll, q)
  const rows = rowsFor(s, coll, filter)
  const matcher = matcherFor(filter.residual)
  const out: Doc[] = []
  for (const doc of rows) {
    if (out.length >= limit) break
    if (!matcher || matcher.test(doc)) out.push(doc)
  }
  return out
}

function getDocument(s: ActionScope, p: Params): Reply {
  const coll = collectionOf(p)
  const q = queryOf(s, p)
  if (p.transactionId) {
    const tx = s.transactions.get(p.transactionId, s.now.getTime())
    const doc = txRead(s, tx, coll, docIdInTransaction(p, q))
    return { data: { list: doc ? [encodeWire(doc)] : [] } }
  }
  if (p.queryType === 'DOC' && !p.projection && typeof q._id === 'string' && Object.keys(q).length === 1) {
    // doc(id).get(): the stored text is already the relaxed EJSON the SDK parses; send it unchanged.
    const row = s.store.getRawById(coll, q._id)
    return { data: { list: row ? [row.text] : [] }, limit: LIMITS.defaultGet, offset: 0 }
  }
  const requested = typeof p.limit === 'number' && p.limit > 0 ? p.limit : LIMITS.defaultGet
  const limit = Math.min(requested, LIMITS.maxGet)
  const offset = typeof p.offset === 'number' && p.offset > 0 ? p.offset : 0
  const order = normalizeOrder(decodeWire(p.order, s.now))
  const projection = decodeWire(p.projection, s.now)
  const take = p.queryType === 'DOC' ? 1 : limit
  const filter = plan(s, coll, q)
  const idOrder = sqlOrderOf(s, coll, order)
  if (!order || idOrder) {
    // The order SQL can give (natural = rowid, or _id): page in SQL when SQL alone decides the match;
    // else walk the rows in that order, let mingo decide the residual, and stop after the page.
    const page = filter.exact ? s.store.scan(coll, filter, { offset, limit: take }, idOrder).map((r) => r.doc) : pageOf(s.store.iterate(coll, filter, idOrder), filter, offset, take)
    const docs = findDocs(page, {}, { projection })
    return { data: { list: docs.map(encodeWire) }, limit, offset }
  }
  const docs = findDocs(s.store.scan(coll, filter).map((r) => r.doc), q, { order, offset, limit: take, projection })
  return { data: { list: docs.map(encodeWire) }, limit, offset }
}

/**
 * 'ASC'/'DESC' when the requested order is by _id alone and SQL orders it as MongoDB would (every _id a
 * string); undefined otherwise, and mingo sorts. Other fields stay with mingo: a json_extract order puts
 * mixed types (dates, objects) where MongoDB's type order does not.
 */
function sqlOrderOf(s: ActionScope, coll: string, order: Record<string, 1 | -1> | undefined): IdOrder | undefined {
  if (!order) return undefined
  const keys = Object.keys(order)
  if (keys.length !== 1 || keys[0] !== '_id' || !s.store.idsAllText(coll)) return undefined
  return order._id === -1 ? 'DESC' : 'ASC'
}

/** Rows `offset`…`offset + take` of those the residual matches, reading no further than that. */
function pageOf(rows: Iterable<Doc>, filter: PlannedFilter, offset: number, take: number): Doc[] {
  const matcher = matcherFor(filter.residual)
  const out: Doc[] = []
  let skipped = 0
  if (take <= 0) return out
  for (const doc of rows) {
    if (matcher && !matcher.test(doc)) continue
    if (skipped < offset) {
      skipped++
      continue
    }
    out.push(doc)
    if (out.length >= take) break
  }
  return out
}

function normalizeOrder(order: unknown): Record<string, 1 | -1> | undefined {
  if (!order) return undefined
  const list = Array.isArray(order) ? order : [order]
  const out: Record<string, 1 | -1> = {}
  for (const item of list) {
    if (item && typeof item === 'object' && 'field' in item) out[String(item.field)] = item.direction === 'desc' ? -1 : 1
    else for (const [k, v] of Object.entries(item as object)) out[k] = v === -1 || v === 'desc' ? -1 : 1
  }
  return Object.keys(out).length ? out : undefined
}

function calculateDocument(s: ActionScope, p: Params): Reply {
  const coll = collectionOf(p)
  if (p.transactionId) throw wireErrors.requestFailed('count is not allowed in a transaction')
  const q = queryOf(s, p)
  const total = Object.keys(q).length === 0 ? s.store.count(coll) : candidates(s, coll, q).filter((d) => matches(d, q)).length
  return { data: { total } }
}

function decodeNewDocs(s: ActionScope, p: Params): Doc[] {
  const raw = p.data
  if (!Array.isArray(raw) || raw.length === 0) throw wireErrors.invalidParam('data must be a non-empty array')
  if (raw.length > LIMITS.maxInsertBatch) throw wireErrors.invalidParam(`at most ${LIMITS.maxInsertBatch} documents per insert`)
  return raw.map((text) => {
    const doc = decodeWire(text, s.now)
    if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw wireErrors.invalidParam('document must be an object')
    assertStorable(doc)
    if (doc._id === undefined) doc._id = randomBytes(16).toString('hex')
    if (typeof doc._id !== 'string' && typeof doc._id !== 'number') throw wireErrors.invalidParam('_id must be a string or number')
    return doc as Doc
  })
}

/** MongoDB refuses field names starting with "$" in stored documents; so does CloudBase. */
function assertStorable(value: unknown): void {
  if (!value || typeof value !== 'object' || value instanceof Date || value instanceof RegExp) return
  if (Array.isArray(value)) return value.forEach(assertStorable)
  for (const [k, v] of Object.entries(value)) {
    if (k.startsWith('$')) throw wireErrors.invalidParam(`field name ${k} must not start with $`)
    assertStorable(v)
  }
}

function insertDocument(s: ActionScope, p: Params): Reply {
  const coll = collectionOf(p)
  const docs = decodeNewDocs(s, p)
  if (p.transactionId) {
    const tx = s.transactions.get(p.transactionId, s.now.getTime())
    for (const doc of docs) {
      const id = String(doc._id)
      if (txRead(s, tx, coll, id)) throw wireErrors.duplicateKey(coll, '_id_', JSON.stringify(id))
      txWrite(s, tx, coll, id, doc)
    }
    return { data: { insertedIds: docs.map((d) => d._id) } }
  }
  s.store.atomically(() => {
    for (const doc of docs) {
      const id = String(doc._id)
      preserveFor(s, coll, id, undefined)
      s.store.insert(coll, id, doc)
    }
  })
  return { data: { insertedIds: docs.map((d) => d._id) } }
}

interface ModifyOutcome {
  updated: number
  upsertId?: string
  lastDoc?: Doc
}

function decodeUpdate(s: ActionScope, p: Params): Record<string, any> {
  const data = decodeWire(p.data, s.now)
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw wireErrors.invalidParam('update data must be an object')
  return data
}

/**
 * Computes the next version of `current` (mutating it in place when `inPlace`), and whether it changed.
 * merge=true: an operator update ({$set, $inc, ...}); merge=false: doc().set(), a whole-document replacement,
 * which — like MongoDB's replaceOne and CloudBase's set() — counts as no change when the data is identical.
 */
function nextVersion(current: Doc, update: Record<string, any>, merge: boolean, cacheKey: string | undefined, inPlace: boolean): { next: Doc; changed: boolean } {
  if (!merge) {
    assertStorable(update)
    const { _id: _ignored, ...fields } = update
    const next: Doc = { _id: current._id, ...fields }
    return { next, changed: !sameDocument(current, next) }
  }
  const idBefore = current._id
  const next = inPlace ? current : structuredClone(current)
  const changed = applyCompiled(next, compileUpdate(update, cacheKey))
  if (next._id !== idBefore) throw wireErrors.invalidParam('_id cannot be updated')
  return { next, changed }
}

function modifyDocument(s: ActionScope, p: Params): Reply {
  const out = modify(s, p, p.multi !== false)
  return { data: { updated: out.updated, upsert_id: out.upsertId } }
}

function modifyAndReturnDoc(s: ActionScope, p: Params): Reply {
  const out = modify(s, { ...p, merge: true, upsert: false }, false)
  return { data: { updated: out.updated, doc: out.lastDoc ? encodeWire(out.lastDoc) : undefined } }
}

function modify(s: ActionScope, p: Params, multi: boolean): ModifyOutcome {
  const coll = collectionOf(p)
  const q = queryOf(s, p)
  const update = decodeUpdate(s, p)
  const merge = p.merge !== false
  // Compiled update operators are reused across calls with the same wire text (unless it holds serverDate).
  const cacheKey = merge && !usesServerDate(p.data) ? String(p.data) : undefined
  if (p.transactionId) {
    const tx = s.transactions.get(p.transactionId, s.now.getTime())
    const id = docIdInTransaction(p, q)
    const current = txRead(s, tx, coll, id)
    if (!current) {
      if (!p.upsert) return { updated: 0 }
      const created = nextVersion({ _id: q._id }, update, merge, cacheKey, true).next
      txWrite(s, tx, coll, id, created)
      return { updated: 0, upsertId: id, lastDoc: created }
    }
    // The buffered version may be shared with earlier reads of this transaction: change a copy.
    const { next, changed } = nextVersion(current, update, merge, cacheKey, false)
    txWrite(s, tx, coll, id, next)
    return { updated: changed ? 1 : 0, lastDoc: next }
  }
  // The read-match-write below runs inside one SQLite transaction, so a conditional update
  // (where({stock: _.gte(1)}).update({stock: _.inc(-1)})) is atomic against every other caller.
  return s.store.atomically(() => {
    const found = matching(s, coll, q, multi ? Number.MAX_SAFE_INTEGER : 1)
    if (found.length === 0) {
      if (!p.upsert) return { updated: 0 }
      const id = q._id !== undefined && typeof q._id !== 'object' ? String(q._id) : randomBytes(16).toString('hex')
      const seed = merge ? equalityFields(q) : {}
      const created = nextVersion({ ...seed, _id: q._id ?? id }, update, merge, cacheKey, true).next
      preserveFor(s, coll, id, undefined)
      s.store.insert(coll, id, created)
      return { updated: 0, upsertId: id, lastDoc: created }
    }
    let updated = 0
    let lastDoc: Doc | undefined
    for (const current of found) {
      const id = String(current._id)
      // Documents fresh from the store are private to this call: update them in place, no copy.
      const { next, changed } = nextVersion(current, update, merge, cacheKey, true)
      lastDoc = next
      if (!changed) continue
      preserveFor(s, coll, id, undefined)
      s.store.replace(coll, id, next)
      updated += 1
    }
    return { updated, lastDoc }
  })
}

function equalityFields(q: Record<string, any>): Record<string, unknown> {
  const seed: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(q)) {
    if (!k.startsWith('$') && !k.includes('.') && (v === null || typeof v !== 'object' || v instanceof Date)) seed[k] = v
  }
  return seed
}

function removeDocument(s: ActionScope, p: Params): Reply {
  const coll = collectionOf(p)
  const q = queryOf(s, p)
  if (p.transactionId) {
    const tx = s.transactions.get(p.transactionId, s.now.getTime())
    const id = docIdInTransaction(p, q)
    const current = txRead(s, tx, coll, id)
    if (!current) return { data: { deleted: 0 } }
    txWrite(s, tx, coll, id, null)
    return { data: { deleted: 1 } }
  }
  const multi = p.multi !== false
  const deleted = s.store.atomically(() => {
    const found = matching(s, coll, q, multi ? Number.MAX_SAFE_INTEGER : 1)
    for (const doc of found) {
      preserveFor(s, coll, String(doc._id), undefined)
      s.store.delete(coll, String(doc._id))
    }
    return found.length
  })
  return { data: { deleted } }
}

function aggregateDocuments(s: ActionScope, p: Params): Reply {
  const coll = collectionOf(p)
  if (p.transactionId) throw wireErrors.requestFailed('aggregate is not allowed in a transaction')
  const stages = Array.isArray(p.stages) ? p.stages : []
  const pipeline = stages.map((st: { stageKey: string; stageValue: string }) => {
    if (!st || typeof st.stageKey !== 'string' || !st.stageKey.startsWith('$')) throw wireErrors.invalidParam('invalid aggregate stage')
    return { [st.stageKey]: decodeWire(st.stageValue, s.now) }
  })
  // CloudBase returns 20 results when the pipeline sets no $limit.
  if (!pipeline.some((st: object) => '$limit' in st)) pipeline.push({ $limit: LIMITS.defaultAggregate })
  const first = pipeline[0] as Record<string, any> | undefined
  const leadingMatch = first && '$match' in first ? (first.$match as Record<string, any>) : undefined
  const source = leadingMatch ? candidates(s, coll, leadingMatch) : s.store.scan(coll).map((r) => r.doc)
  const list = runPipeline(source, pipeline, (name) => s.store.scan(name).map((r) => r.doc))
  return { data: { list: list.map(encodeWire) } }
}

function addCollection(s: ActionScope, p: Params): Reply {
  const coll = collectionOf(p)
  if (s.store.hasCollection(coll)) throw wireErrors.requestFailed(`collection ${coll} already exists`)
  s.store.ensureCollection(coll)
  return {}
}

function startTransaction(s: ActionScope): Reply {
  return { transactionId: s.transactions.start(s.now.getTime()).id }
}

/** A document as the transaction sees it: its own write, else its snapshot's version. */
function txRead(s: ActionScope, tx: TxState, coll: string, id: string): Doc | null {
  const key = txKey(coll, id)
  if (tx.writes.has(key)) return tx.writes.get(key) ?? null
  const pinned = tx.pinned.get(key)
  if (pinned) {
    if (!tx.seen.has(key)) tx.seen.set(key, pinned.rev)
    return pinned.text === null ? null : decodeStored(pinned.text)
  }
  const row = s.store.getRawById(coll, id)
  if (!tx.seen.has(key)) tx.seen.set(key, row ? row.rev : null)
  return row ? decodeStored(row.text) : null
}

function txWrite(s: ActionScope, tx: TxState, coll: string, id: string, doc: Doc | null): void {
  const key = txKey(coll, id)
  s.transactions.claim(tx, key)
  tx.writes.set(key, doc)
}

/** Before a change to coll/id lands, hand its current version to open transactions' snapshots. */
function preserveFor(s: ActionScope, coll: string, id: string, by: string | undefined): void {
  s.transactions.preserve(txKey(coll, id), by, (): PinnedVersion => {
    const row = s.store.getRawById(coll, id)
    return row ? { rev: row.rev, text: row.text } : { rev: null, text: null }
  })
}

function commitTransaction(s: ActionScope, p: Params): Reply {
  const tx = s.transactions.get(p.transactionId, s.now.getTime())
  try {
    // Only written documents are validated (snapshot isolation): a written document that someone else
    // changed after this transaction began means its write would overwrite theirs.
    for (const key of tx.writes.keys()) {
      if (tx.pinned.has(key)) throw s.transactions.conflict(tx)
      const [coll, id] = splitTxKey(key)
      if (tx.seen.has(key) && s.store.getRawById(coll, id)?.rev !== (tx.seen.get(key) ?? undefined)) throw s.transactions.conflict(tx)
    }
    if (tx.writes.size > 0) {
      // Every write of the transaction lands in one SQLite transaction: one WAL commit.
      s.store.atomically(() => {
        for (const [key, doc] of tx.writes) {
          const [coll, id] = splitTxKey(key)
          preserveFor(s, coll, id, tx.id)
          if (doc === null) s.store.delete(coll, id)
          else s.store.put(coll, id, doc)
        }
      })
    }
  } finally {
    s.transactions.finish(tx.id)
  }
  return {}
}

function abortTransaction(s: ActionScope, p: Params): Reply {
  const tx = s.transactions.get(p.transactionId, s.now.getTime())
  s.transactions.finish(tx.id)
  return {}
}
