import type { DemoSeeder } from '../seed-context'
import { DEMO_COMMUNITY_ID } from '../personas'
import { DEFAULT_RULES, saveCampaignRule, saveCommunityRules } from '../../../../core/attribution/settings'

/**
 * The demo community's attribution rules written out (what ops would set with
 * attributionSetCommunityRules), and the demo orange campaign with its own rule: a 3-day window and 8%
 * commission. No orders or residents are invented: figures come from what people do in the demo.
 */
export const attributionDemoSeeder: DemoSeeder = {
  name: 'attribution-rules',
  seed: async ({ db, now }) => {
    await saveCommunityRules(db, DEMO_COMMUNITY_ID, DEFAULT_RULES, now)
    await saveCampaignRule(db, 'gb-demo-oranges', DEMO_COMMUNITY_ID, { windowDays: 3, rateBp: 800 }, now)
  },
}
