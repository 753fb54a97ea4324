import { randomBytes } from 'node:crypto'
import type { Platform } from '../kernel/platform'
import { defineIndexes } from '../kernel/indexes'
import { must } from '../kernel/db-result'
import { COLLECTIONS } from '../households'
import type { StaffDoc } from '../households'
import { groupOfCard } from '../kernel/ports/open-gid.port'
import { loadCampaign } from '../groupbuy'
import { ATTRIBUTION_COLLECTIONS, type TouchDoc, type TouchSource } from './attribution.model'

/** The same steward (and campaign) opened again within this time is one touch, not a flood of them. */
export const TOUCH_DEDUP_MS = 30 * 60_000

export const TOUCH_INDEXES = defineIndexes({ collection: ATTRIBUTION_COLLECTIONS.touches, fields: ['residentOpenid', 'at'] })

export interface PageTouchInput {
  stewardId: string
  campaignId?: string
  groupCloudId?: string
  source: TouchSource
}

/**
 * A page (or a steward's card) opened with a steward parameter. Recorded only when it checks out: an
 * active steward, of a community the opener lives in (a foreign or made-up steward id records nothing),
 * a published campaign of that community if one is named, not the steward themselves. The page opens
 * either way; nothing fails.
 */
export async function recordPageTouch(platform: Platform, residentOpenid: string, input: PageTouchInput): Promise<{ recorded: boolean }> {
  const db = platform.db
  const steward = (must(await db.collection(COLLECTIONS.staff).doc(input.stewardId).get()).data as StaffDoc[])[0]
  if (!steward || steward.role !== 'steward' || steward.status !== 'active' || steward.openid === residentOpenid) return { recorded: false }
  const [memberRes, campaign, recentRes] = await Promise.all([
    db.collection(COLLECTIONS.residents).where({ openid: residentOpenid, communityId: steward.communityId, status: 'active' }).limit(1).get(),
    input.campaignId ? loadCampaign(db, input.campaignId) : Promise.resolve(null),
    db
      .collection(ATTRIBUTION_COLLECTIONS.touches)
      .where({ residentOpenid, at: db.command.gte(new Date(platform.clock.now().getTime() - TOUCH_DEDUP_MS)) })
      .orderBy('at', 'desc')
      .limit(1)
      .get(),
  ])
  if (must(memberRes).data.length === 0) return { recorded: false }
  if (input.campaignId && (!campaign || campaign.status === 'draft' || campaign.communityId !== steward.communityId)) return { recorded: false }
  const recent = (must(recentRes).data as TouchDoc[])[0]
  // Dedup only when the same steward and campaign were the last touch: a different steward in between must win.
  if (recent && recent.stewardOpenid === steward.openid && (recent.campaignId ?? null) === (input.campaignId ?? null)) return { recorded: false }
  const touch: TouchDoc = {
    _id: `t_${randomBytes(12).toString('hex')}`,
    residentOpenid,
    stewardId: steward._id,
    stewardOpenid: steward.openid,
    communityId: steward.communityId,
    campaignId: input.campaignId ?? null,
    groupId: input.groupCloudId ? await groupOfCard(platform, input.groupCloudId, residentOpenid, 'attribution.touch.group_unresolved') : null,
    source: input.source,
    at: platform.clock.now(),
  }
  must(await db.collection(ATTRIBUTION_COLLECTIONS.touches).add(touch))
  return { recorded: true }
}

