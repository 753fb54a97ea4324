/**
 * Builds the attribution benchmark's world directly in a local engine, batch inserts of 1000: 20 communities
 * × 5,000 households (100k), 10 stewards each (200, a grid of 5 buildings = 500 households each), 60% of
 * households bound, 1,000,000 paid orders over 12 months with their attribution records and commission
 * ledger, and the monthly rollups those orders produce (computed here exactly as the write path would).
 * Run alone to build a reusable data dir: `npx tsx bench/attribution-seed.ts <dir>` (default: attribution-bench under the OS temp dir).
 */
import { appWiring } from '../cloudfunctions/areas'
import { createLocalDb } from '../cloudfunctions/platform/local/db/create-local-db'
import type { Db } from '@cloudbase/database'
import { must } from '../cloudfunctions/core/kernel/db-result'
import { COLLECTIONS } from '../cloudfunctions/core/households/registry-collections'
import { ORDER_COLLECTIONS } from '../cloudfunctions/core/orders/order.model'
import { ATTRIBUTION_COLLECTIONS } from '../cloudfunctions/core/attribution/attribution.model'
import { statementIdFor } from '../cloudfunctions/core/attribution/settlement.service'
import { ALL_TIME, METRIC_COLLECTIONS, emptyRollup, rollupId, stewardScopeKey, type Counter, type MetricScope, type RollupDoc } from '../cloudfunctions/core/metrics/rollup.model'
import { monthRange, monthsEndingWith } from '../cloudfunctions/core/metrics/month'
import '../cloudfunctions/platform/local/function-registry'

export type Scale = typeof SCALE
export const SCALE = { communities: 20, householdsPerCommunity: 5_000, stewardsPerCommunity: 10, buildingsPerGrid: 5, orders: 1_000_000, boundShare: 0.6 }
/** "Now" of the benchmark: December 2nd, 10:00 in Shanghai; November is the last closed month. */
export const BENCH_NOW = new Date('2026-12-02T02:00:00.000Z')
const MONTHS = monthsEndingWith('2026-12', 13)
const BOUNDS = MONTHS.map((m) => monthRange(m).start.getTime())
const START = BOUNDS[0]
const DAY = 86_400_000
const SETTLED_UNTIL = '2026-10'

export const communityId = (c: number) => `bc-${c}`
export const stewardOpenid = (c: number, s: number) => `bs-${c}-${s}`
const householdId = (c: number, i: number) => `bc-${c}-h${i}`

/** Deterministic randomness: the same world on every run. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Month of a UTC instant without dayjs (a million times): the month bounds are precomputed. */
function monthOfMs(ms: number): string {
  let i = BOUNDS.length - 1
  while (i > 0 && BOUNDS[i] > ms) i--
  return MONTHS[i]
}

class Batcher {
  private pending = new Map<string, object[]>()
  inserted = 0
  constructor(private readonly db: Db) {}
  async add(collection: string, doc: object) {
    let list = this.pending.get(collection)
    if (!list) this.pending.set(collection, (list = []))
    list.push(doc)
    if (list.length >= 1000) await this.flush(collection)
  }
  async flush(collection?: string) {
    for (const name of collection ? [collection] : [...this.pending.keys()]) {
      const list = this.pending.get(name) ?? []
      if (list.length === 0) continue
      this.pending.set(name, [])
      must(await this.db.collection(name).add(list))
      this.inserted += list.length
    }
  }
}

class Rollups {
  readonly docs = new Map<string, RollupDoc>()
  readonly buyers = new Map<string, Set<string>>()
  inc(scope: MetricScope, key: string, cid: string, month: string, counter: Counter, n: number) {
    const id = rollupId(scope, month, key)
    let doc = this.docs.get(id)
    if (!doc) this.docs.set(id, (doc = emptyRollup(scope, key, cid, month)))
    doc[counter] += n
  }
  buyer(scope: MetricScope, key: string, month: string, household: string) {
    const id = rollupId(scope, month, key)
    let set = this.buyers.get(id)
    if (!set) this.buyers.set(id, (set = new Set()))
    set.add(household)
  }
  /** buyers = households of the month; repurchasers = those also in the next month of the same scope. */
  finish(): RollupDoc[] {
    for (const [id, set] of this.buyers) {
      const doc = this.docs.get(id)!
      doc.buyers = set.size
      const next = this.buyers.get(rollupId(doc.scope, MONTHS[MONTHS.indexOf(doc.month) + 1] ?? '', doc.key))
      if (next) for (const h of set) if (next.has(h)) doc.repurchasers += 1
    }
    return [...this.docs.values()]
  }
}

export async function seedAttributionScale(db: Db, log: (s: string) => void = () => undefined, scale: Scale = SCALE): Promise<{ households: number; residents: number; orders: number; ledger: number; docs: number }> {
  const rand = rng(20261202)
  const out = new Batcher(db)
  const rollups = new Rollups()
  const statements = new Map<string, { c: number; s: string; period: string; accrued: number; n: number }>()
  let residents = 0
  let orders = 0
  let ledger = 0
  const perCommunity = scale.orders / scale.communities
  for (let c = 0; c < scale.communities; c++) {
    const cid = communityId(c)
    await out.add(COLLECTIONS.communities, { _id: cid, name: `基准小区${c + 1}`, createdAt: new Date(START) })
    for (let b = 0; b < scale.householdsPerCommunity / 100; b++) await out.add(COLLECTIONS.buildings, { _id: `${cid}-b${b}`, communityId: cid, name: `${b + 1}栋` })
    for (let s = 0; s < scale.stewardsPerCommunity; s++) {
      await out.add(COLLECTIONS.staff, { _id: `bst-${c}-${s}`, openid: stewardOpenid(c, s), communityId: cid, role: 'steward', name: `管家${c + 1}-${s + 1}`, status: 'active' })
      const buildingIds = Array.from({ length: scale.buildingsPerGrid }, (_, k) => `${cid}-b${s * scale.buildingsPerGrid + k}`)
      await out.add(COLLECTIONS.grids, { _id: `bg-${c}-${s}`, communityId: cid, stewardOpenid: stewardOpenid(c, s), buildingIds, updatedAt: new Date(START) })
    }
    const bound: { i: number; boundAt: number }[] = []
    for (let i = 0; i < scale.householdsPerCommunity; i++) {
      const b = Math.floor(i / 100)
      await out.add(COLLECTIONS.households, { _id: householdId(c, i), communityId: cid, buildingId: `${cid}-b${b}`, building: `${b + 1}栋`, unit: '1单元', room: String(101 + (i % 100)), areaM2: 90, ownerName: '业主', ownerPhoneHash: 'x', ownerPhoneLast4: '0000', updatedAt: new Date(START) })
      if (rand() < scale.boundShare) {
        const boundAt = START - 60 * DAY + Math.floor(rand() * (BENCH_NOW.getTime() - START))
        bound.push({ i, boundAt })
        await out.add(COLLECTIONS.residents, { _id: `br-${c}-${i}`, openid: `br-${c}-${i}`, householdId: householdId(c, i), communityId: cid, role: 'owner', status: 'active', boundAt: new Date(boundAt) })
        residents += 1
      }
    }
    for (let k = 0; k < bound.length; k++) {
      const { i, boundAt } = bound[k]
      const count = Math.floor(perCommunity / bound.length) + (k < perCommunity % bound.length ? 1 : 0)
      const home = Math.floor(i / 100 / scale.buildingsPerGrid)
      const hid = householdId(c, i)
      const from = Math.max(boundAt, START)
      const paidTimes = Array.from({ length: count }, () => from + Math.floor(rand() * (BENCH_NOW.getTime() - 3_600_000 - from))).sort((x, y) => x - y)
      let firstSale = false
      for (let n = 0; n < paidTimes.length; n++) {
        const paid = paidTimes[n]
        const r = rand()
        const type = r < 0.6 ? 'groupbuy' : r < 0.9 ? 'service' : 'fee'
        const amountFen = type === 'groupbuy' ? 1990 + 10 * Math.floor(rand() * 1800) : type === 'service' ? [6000, 8800, 12000][Math.floor(rand() * 3)] : 20000 + 100 * Math.floor(rand() * 400)
        const touched = rand() < 0.3
        const steward = touched ? Math.floor(rand() * scale.stewardsPerCommunity) : home
        const stewardId = stewardOpenid(c, steward)
        const rateBp = type === 'groupbuy' ? 500 : type === 'service' ? 300 : 0
        const fulfilledAt = type !== 'fee' && paid < BENCH_NOW.getTime() - DAY ? paid + DAY : null
        const status = fulfilledAt ? (paid < BENCH_NOW.getTime() - 10 * DAY ? 'completed' : 'fulfilled') : 'paid'
        const orderId = `bo-${c}-${i}-${n}`
        const month = monthOfMs(paid)
        const rule = touched ? 'last_touch' : 'home_steward'
        const history = [
          { from: null, to: 'created', at: new Date(paid - 60_000), by: 'resident', note: null },
          { from: 'created', to: 'paid', at: new Date(paid), by: 'wechatpay', note: null },
          ...(fulfilledAt ? [{ from: 'paid', to: 'fulfilled', at: new Date(fulfilledAt), by: 'steward', note: null }] : []),
        ]
        await out.add(ORDER_COLLECTIONS.orders, {
          _id: orderId, type, communityId: cid, householdId: hid, payerOpenid: `br-${c}-${i}`, title: type === 'fee' ? '物业费' : type === 'service' ? '上门保洁' : '社区团购',
          lines: [{ refType: type, refId: 'x', title: '商品', quantity: 1, unitPriceFen: amountFen, amountFen }], amountFen, status, listed: true, reservation: 'none',
          paidFen: amountFen, refundedFen: 0, pendingRefundFen: 0, resumeStatus: null, payment: { transactionId: `tx${orderId}`, paidAt: new Date(paid) }, prepay: null,
          attributedStewardOpenid: stewardId, attribution: { rule, stewardOpenid: stewardId, windowDays: 7, rateBp }, history, requestHash: 'x', createdAt: new Date(paid - 60_000), updatedAt: new Date(paid), expiresAt: new Date(paid + 840_000),
        })
        const commission = fulfilledAt ? Math.floor((amountFen * rateBp) / 10_000) : 0
        await out.add(ATTRIBUTION_COLLECTIONS.attributions, {
          _id: orderId, orderId, orderType: type, communityId: cid, householdId: hid, payerOpenid: `br-${c}-${i}`, campaignId: null, amountFen, paidAt: new Date(paid), month, rule,
          stewardOpenid: stewardId, stewardId: `bst-${c}-${steward}`, touch: null, windowDays: 7, gridId: `bg-${c}-${home}`, homeStewardOpenid: stewardOpenid(c, home), rateBp,
          accrual: rateBp === 0 ? 'none' : fulfilledAt ? (commission > 0 ? 'accrued' : 'none') : 'waiting', decidedAt: new Date(paid),
        })
        orders += 1
        const scopes: [MetricScope, string][] = [['steward', stewardScopeKey(cid, stewardId)], ['grid', `bg-${c}-${home}`], ['community', cid]]
        // Sales figures count group buys and services only (countsInSales); commission counts for every type.
        const sale = type !== 'fee'
        for (const [scope, key] of scopes) {
          if (sale) {
            rollups.inc(scope, key, cid, month, 'orders', 1)
            rollups.inc(scope, key, cid, month, 'gmvFen', amountFen)
            rollups.inc(scope, key, cid, month, touched ? 'ruleLastTouch' : 'ruleHomeSteward', 1)
            rollups.buyer(scope, key, month, hid)
          }
          if (commission > 0) rollups.inc(scope, key, cid, monthOfMs(fulfilledAt!), 'commissionAccruedFen', commission)
        }
        if (commission > 0) rollups.inc('steward', stewardScopeKey(cid, stewardId), cid, ALL_TIME, 'commissionAccruedFen', commission)
        if (sale && !firstSale && paid - boundAt <= 30 * DAY) for (const [scope, key] of scopes.slice(1)) rollups.inc(scope, key, cid, monthOfMs(boundAt), 'convertedResidents', 1)
        if (sale) firstSale = true
        if (commission > 0) {
          const availableAt = fulfilledAt! + 7 * DAY
          const availableMonth = monthOfMs(availableAt)
          const settled = availableMonth <= SETTLED_UNTIL
          const statementId = settled ? statementIdFor(availableMonth, cid, stewardId) : null
          await out.add(ATTRIBUTION_COLLECTIONS.ledger, {
            _id: `acc-${orderId}`, kind: 'accrual', stewardOpenid: stewardId, communityId: cid, gridId: `bg-${c}-${home}`, orderId, orderType: type, title: '商品', amountFen: commission,
            at: new Date(fulfilledAt!), availableMonth, availableAt: new Date(availableAt), state: settled ? 'settled' : 'open', statementId, baseFen: amountFen, rateBp, refundedAtAccrualFen: 0, reversedFen: 0,
          })
          ledger += 1
          if (statementId) {
            const st = statements.get(statementId) ?? { c, s: stewardId, period: availableMonth, accrued: 0, n: 0 }
            st.accrued += commission
            st.n += 1
            statements.set(statementId, st)
          }
        }
      }
    }
    await out.flush()
    log(`  community ${c + 1}/${scale.communities}: ${orders.toLocaleString('en-US')} orders so far`)
  }
  for (const doc of rollups.finish()) await out.add(METRIC_COLLECTIONS.rollups, doc)
  for (const [id, st] of statements) {
    await out.add(ATTRIBUTION_COLLECTIONS.statements, {
      _id: id, stewardOpenid: st.s, communityId: communityId(st.c), period: st.period, status: 'final', accrualCount: st.n, reversalCount: 0, accruedFen: st.accrued, reversedFen: 0,
      netFen: st.accrued, carryInFen: 0, payableFen: st.accrued, carryOutFen: 0, createdAt: BENCH_NOW, finalizedAt: BENCH_NOW,
    })
  }
  await out.flush()
  return { households: scale.communities * scale.householdsPerCommunity, residents, orders, ledger, docs: out.inserted }
}

if (require.main === module) {
  const dir = process.argv[2] ?? require('node:path').join(require('node:os').tmpdir(), 'attribution-bench')
  const factor = Number(process.argv[3] ?? 1)
  const scale = { ...SCALE, communities: Math.max(1, Math.round(SCALE.communities * factor)), orders: Math.round(SCALE.orders * factor) }
  const local = createLocalDb({ dataDir: dir, now: () => BENCH_NOW, indexSpecs: appWiring().indexesOf })
  const started = Date.now()
  seedAttributionScale(local.db, (s) => process.stderr.write(`${s}\n`), scale)
    .then((r) => {
      local.close()
      console.log(`seeded ${JSON.stringify(r)} in ${((Date.now() - started) / 1000).toFixed(0)} s into ${dir}`)
    })
    .catch((e) => {
      console.error(e)
      process.exit(1)
    })
}
