import type { Db } from '@cloudbase/database'
import { must } from '../kernel/db-result'
import type { Figure } from '../../contracts/attribution.contract'
import { REPAIR_COLLECTIONS, type SatisfactionDoc } from '../repairs'
import { communityRollupId, stewardRollupId } from '../repairs'
import { figureOf } from '../repairs'
import type { GridDoc } from '../households'
import { communityFunnel, gridFunnel, type Funnel } from './funnel.query'
import { METRIC_COLLECTIONS, rollupId, stewardScopeKey, type RollupDoc } from './rollup.model'

export interface StewardRef {
  openid: string
  name: string
  grid: GridDoc | null
}

const round4 = (n: number) => Math.round(n * 10_000) / 10_000
const rate = (part: number, whole: number) => (whole <= 0 ? 0 : Math.min(1, round4(part / whole)))
const NO_FUNNEL: Funnel = { households: 0, boundHouseholds: 0, newBoundResidents: 0 }

function compose(scope: Figure['scope'], key: string, label: string, month: string, funnel: Funnel, converted: number, sales: RollupDoc | undefined, sat: SatisfactionDoc | undefined): Figure {
  const orders = sales?.orders ?? 0
  const gmvFen = sales?.gmvFen ?? 0
  const buyers = sales?.buyers ?? 0
  const repurchasers = sales?.repurchasers ?? 0
  const accrued = sales?.commissionAccruedFen ?? 0
  const reversed = sales?.commissionReversedFen ?? 0
  const satisfaction = figureOf(sat)
  return {
    scope,
    key,
    label,
    month,
    households: funnel.households,
    boundHouseholds: funnel.boundHouseholds,
    penetration: rate(funnel.boundHouseholds, funnel.households),
    newBoundResidents: funnel.newBoundResidents,
    convertedResidents: converted,
    firstOrderConversion: rate(converted, funnel.newBoundResidents),
    orders,
    gmvFen,
    refundFen: sales?.refundFen ?? 0,
    avgOrderFen: orders === 0 ? 0 : Math.round(gmvFen / orders),
    buyers,
    repurchasers,
    repurchaseRate: rate(repurchasers, buyers),
    satisfaction: satisfaction.count === 0 ? null : satisfaction.overall,
    ratings: satisfaction.count,
    commissionAccruedFen: accrued,
    commissionReversedFen: reversed,
    commissionNetFen: accrued - reversed,
  }
}

/**
 * Builds figure rows for one community and month. The steward dashboard and the ops report both go
 * through here, so a steward's row is the same in both. Reads: every rollup and satisfaction document
 * needed in one query each, plus each grid's funnel once (a steward's row shows their grid's funnel).
 */
export class FigureBuilder {
  private rollups = new Map<string, RollupDoc>()
  private satisfaction = new Map<string, SatisfactionDoc>()
  private funnels = new Map<string, Promise<Funnel>>()

  constructor(
    private readonly db: Db,
    readonly communityId: string,
    readonly month: string,
    private readonly now: Date,
  ) {}

  /** Loads the documents the rows of these stewards and grids (and the community) need. */
  async load(stewards: StewardRef[], grids: GridDoc[]): Promise<this> {
    const _ = this.db.command
    const m = this.month
    const rollupIds = [rollupId('community', m, this.communityId), ...stewards.map((s) => rollupId('steward', m, stewardScopeKey(this.communityId, s.openid))), ...grids.map((g) => rollupId('grid', m, g._id))]
    const stewardOpenids = new Set([...stewards.map((s) => s.openid), ...grids.map((g) => g.stewardOpenid)])
    const satIds = [communityRollupId(this.communityId, m), ...[...stewardOpenids].map((o) => stewardRollupId(o, m))]
    const [r, s] = await Promise.all([
      this.db.collection(METRIC_COLLECTIONS.rollups).where({ _id: _.in(rollupIds) }).limit(1000).get(),
      this.db.collection(REPAIR_COLLECTIONS.satisfaction).where({ _id: _.in(satIds) }).limit(1000).get(),
    ])
    for (const d of must(r).data as RollupDoc[]) this.rollups.set(d._id, d)
    for (const d of must(s).data as SatisfactionDoc[]) this.satisfaction.set(d._id, d)
    return this
  }

  private gridFunnel(grid: GridDoc | null): Promise<Funnel> {
    if (!grid) return Promise.resolve(NO_FUNNEL)
    let f = this.funnels.get(grid._id)
    if (!f) this.funnels.set(grid._id, (f = gridFunnel(this.db, grid.buildingIds, this.month, this.now)))
    return f
  }

  private rollup(scope: 'steward' | 'grid' | 'community', key: string) {
    return this.rollups.get(rollupId(scope, this.month, key))
  }

  /** Sales credited to the steward; funnel and conversion of their grid; satisfaction of their grid's repairs. */
  async steward(s: StewardRef): Promise<Figure> {
    const converted = s.grid ? (this.rollup('grid', s.grid._id)?.convertedResidents ?? 0) : 0
    const sat = this.satisfaction.get(stewardRollupId(s.openid, this.month))
    return compose('steward', s.openid, s.name, this.month, await this.gridFunnel(s.grid), converted, this.rollup('steward', stewardScopeKey(this.communityId, s.openid)), sat)
  }

  /** Everything about the grid's households, whoever was credited with their orders. */
  async grid(grid: GridDoc, label: string): Promise<Figure> {
    const sales = this.rollup('grid', grid._id)
    const sat = this.satisfaction.get(stewardRollupId(grid.stewardOpenid, this.month))
    return compose('grid', grid._id, label, this.month, await this.gridFunnel(grid), sales?.convertedResidents ?? 0, sales, sat)
  }

  async community(label: string): Promise<Figure> {
    const sales = this.rollup('community', this.communityId)
    const funnel = await communityFunnel(this.db, this.communityId, this.month, this.now)
    return compose('community', this.communityId, label, this.month, funnel, sales?.convertedResidents ?? 0, sales, this.satisfaction.get(communityRollupId(this.communityId, this.month)))
  }
}
