import type { Platform } from '../kernel/platform'
import type { z } from 'zod'
import type { opsCampaignRowSchema } from '../../contracts/ops-groupbuy.schemas'
import { must } from '../kernel/db-result'
import { iso } from './campaign-view'
import { skusOfCampaigns } from './groupbuy.store'
import { GROUPBUY_COLLECTIONS, type CampaignDoc } from './groupbuy.model'
import { countParticipants } from './participants.query'

/** Ops overview of a community's latest 50 campaigns: participants and units held per SKU (what to procure). */
export async function opsCampaigns(platform: Platform, communityId: string): Promise<{ campaigns: z.infer<typeof opsCampaignRowSchema>[] }> {
  const db = platform.db
  const campaigns = must(await db.collection(GROUPBUY_COLLECTIONS.campaigns).where({ communityId }).orderBy('deadline', 'desc').limit(50).get()).data as CampaignDoc[]
  const ids = campaigns.map((c) => c._id)
  const [skus, participants] = await Promise.all([skusOfCampaigns(db, ids), countParticipants(db, ids)])
  return {
    campaigns: campaigns.map((c) => ({
      campaignId: c._id,
      title: c.title,
      mode: c.mode,
      status: c.status,
      outcome: c.outcome,
      deadline: iso(c.deadline),
      participants: participants.get(c._id) ?? 0,
      minParticipants: c.minParticipants,
      skus: skus
        .filter((s) => s.campaignId === c._id)
        .sort((a, b) => a.sort - b.sort)
        .map((s) => ({ skuId: s._id, title: s.title, priceFen: s.priceFen, stock: s.stock, sold: s.stock - s.remaining })),
    })),
  }
}
