import type { SatisfactionDoc, TicketDoc } from './repair.model'

type RollupId = { id: string; doc: Pick<SatisfactionDoc, 'scope' | 'communityId' | 'stewardOpenid' | 'period'> }

/** Rollup documents a rating of this ticket feeds: its community and its home steward, all-time and the month. */
export function rollupIds(t: Pick<TicketDoc, 'communityId' | 'stewardOpenid'>, month: string): RollupId[] {
  const out: RollupId[] = []
  for (const period of ['all', month]) {
    out.push({ id: communityRollupId(t.communityId, period), doc: { scope: 'community', communityId: t.communityId, stewardOpenid: null, period } })
    if (t.stewardOpenid) out.push({ id: stewardRollupId(t.stewardOpenid, period), doc: { scope: 'steward', communityId: t.communityId, stewardOpenid: t.stewardOpenid, period } })
  }
  return out
}

/** Readable, documented ids so metrics can read a figure with one doc().get(). */
export const communityRollupId = (communityId: string, period: string) => `sat-c-${communityId}-${period}`
export const stewardRollupId = (stewardOpenid: string, period: string) => `sat-s-${stewardOpenid}-${period}`
