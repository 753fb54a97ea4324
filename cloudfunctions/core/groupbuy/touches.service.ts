import { randomBytes } from 'node:crypto'
import type { Db } from '@cloudbase/database'
import type { Platform } from '../kernel/platform'
import { must } from '../kernel/db-result'
import type { CallerAccess } from '../auth'
import { groupOfCard } from '../kernel/ports/open-gid.port'
import { COLLECTIONS } from '../households'
import type { StaffDoc } from '../households'
import { loadCampaign } from './groupbuy.store'
import { GROUPBUY_COLLECTIONS, type TouchDoc } from './groupbuy.model'

/** The id a steward's share cards carry: their staff document id in that community (never their openid). */
export async function stewardIdOf(db: Db, access: CallerAccess, communityId: string): Promise<string | null> {
  if (!access.staff.some((s) => s.role === 'steward' && s.communityId === communityId)) return null
  const rows = must(await db.collection(COLLECTIONS.staff).where({ openid: access.openid, communityId, role: 'steward', status: 'active' }).limit(1).get()).data as StaffDoc[]
  return rows[0]?._id ?? null
}

/**
 * A share card (or page) with a steward id was opened. Records who opened it, whose card it was, which
 * campaign and — when WeChat vouches for the chat through its cloudID — which group, and when. Cards that
 * do not check out (unknown campaign, not an active steward of that community, a steward opening their own
 * card) record nothing and fail nothing: the page must open either way.
 */
export async function recordTouch(
  platform: Platform,
  residentOpenid: string,
  input: { campaignId: string; stewardId: string; groupCloudId?: string },
): Promise<{ recorded: boolean }> {
  const db = platform.db
  const [campaign, stewardRes] = await Promise.all([loadCampaign(db, input.campaignId), db.collection(COLLECTIONS.staff).doc(input.stewardId).get()])
  const steward = (must(stewardRes).data as StaffDoc[])[0]
  const valid = campaign && campaign.status !== 'draft' && steward && steward.role === 'steward' && steward.status === 'active' && steward.communityId === campaign.communityId
  if (!valid || steward.openid === residentOpenid) return { recorded: false }
  const touch: TouchDoc = {
    _id: `t_${randomBytes(12).toString('hex')}`,
    residentOpenid,
    stewardId: steward._id,
    stewardOpenid: steward.openid,
    communityId: campaign.communityId,
    campaignId: campaign._id,
    groupId: input.groupCloudId ? await groupOfCard(platform, input.groupCloudId, residentOpenid, 'groupbuy.touch.group_unresolved') : null,
    source: 'groupbuy_share',
    at: platform.clock.now(),
  }
  must(await db.collection(GROUPBUY_COLLECTIONS.touches).add(touch))
  return { recorded: true }
}

