import type { Db } from '@cloudbase/database'
import { must } from '../kernel/db-result'
import type { OrderType } from '../orders'
import { ATTRIBUTION_COLLECTIONS, type SelfPurchasePolicy } from './attribution.model'

/** A community's attribution and commission rules (ops set them with `attributionSetCommunityRules`). */
export interface CommunityRules {
  /** A touch decides an order paid within this many days of it. */
  windowDays: number
  selfPurchase: SelfPurchasePolicy
  /** Accrued commission stays frozen this long after fulfilment (refunds may still come). */
  refundPeriodDays: number
  /** Commission rate per order type, in basis points (500 = 5%). */
  rates: Record<OrderType, number>
}

/** Overrides for one group-buy campaign; null = the community's rule. */
export interface CampaignRule {
  windowDays: number | null
  rateBp: number | null
}

export const DEFAULT_RULES: CommunityRules = {
  windowDays: 7,
  selfPurchase: 'no_commission',
  refundPeriodDays: 7,
  // Property fees earn no commission by default: paying the fee is not a sale.
  rates: { fee: 0, groupbuy: 500, service: 300 },
}

export const communityRulesId = (communityId: string) => `community-${communityId}`
export const campaignRuleId = (campaignId: string) => `campaign-${campaignId}`

interface RulesDoc {
  _id: string
  windowDays?: number
  selfPurchase?: SelfPurchasePolicy
  refundPeriodDays?: number
  rates?: Partial<Record<OrderType, number>>
  rateBp?: number | null
}

function merge(doc: RulesDoc | undefined): CommunityRules {
  return {
    windowDays: doc?.windowDays ?? DEFAULT_RULES.windowDays,
    selfPurchase: doc?.selfPurchase ?? DEFAULT_RULES.selfPurchase,
    refundPeriodDays: doc?.refundPeriodDays ?? DEFAULT_RULES.refundPeriodDays,
    rates: { ...DEFAULT_RULES.rates, ...(doc?.rates ?? {}) },
  }
}

/** The community's rules and, for a campaign order, its overrides: one read. */
export async function loadRules(db: Db, communityId: string, campaignId: string | null): Promise<{ community: CommunityRules; campaign: CampaignRule | null }> {
  const ids = [communityRulesId(communityId), ...(campaignId ? [campaignRuleId(campaignId)] : [])]
  const docs = must(await db.collection(ATTRIBUTION_COLLECTIONS.settings).where({ _id: db.command.in(ids) }).limit(2).get()).data as RulesDoc[]
  const byId = new Map(docs.map((d) => [d._id, d]))
  const camp = campaignId ? byId.get(campaignRuleId(campaignId)) : undefined
  return {
    community: merge(byId.get(ids[0])),
    campaign: camp ? { windowDays: camp.windowDays ?? null, rateBp: camp.rateBp ?? null } : null,
  }
}

export async function saveCommunityRules(db: Db, communityId: string, patch: Partial<Omit<CommunityRules, 'rates'>> & { rates?: Partial<Record<OrderType, number>> }, now: Date): Promise<CommunityRules> {
  const id = communityRulesId(communityId)
  const current = (must(await db.collection(ATTRIBUTION_COLLECTIONS.settings).doc(id).get()).data as RulesDoc[])[0]
  const next = merge({ ...current, _id: id, ...patch, rates: { ...(current?.rates ?? {}), ...(patch.rates ?? {}) } })
  must(await db.collection(ATTRIBUTION_COLLECTIONS.settings).doc(id).set({ communityId, ...next, updatedAt: now }))
  return next
}

export async function saveCampaignRule(db: Db, campaignId: string, communityId: string, rule: CampaignRule, now: Date): Promise<CampaignRule> {
  must(await db.collection(ATTRIBUTION_COLLECTIONS.settings).doc(campaignRuleId(campaignId)).set({ campaignId, communityId, ...rule, updatedAt: now }))
  return rule
}
