import { formatBusiness } from '../kernel/business-time'
import type { Platform } from '../kernel/platform'
import { notify, thing } from '../notify'
import type { CampaignDoc, EntryDoc } from './groupbuy.model'

export const GROUPBUY_RESULT_TEMPLATE = 'groupbuy_result'
const ORDERS_PAGE = 'packages/groupbuy/pages/orders/index'

/** Pickup windows read in business time (Asia/Shanghai), whatever zone the function runs in. */
export function shanghaiTime(d: Date): string {
  return formatBusiness(d, 'M月D日 HH:mm')
}

/**
 * Tells the resident how their group buy ended. Keyed per order, so a closing job run twice (or a crash
 * and re-run) never sends the card twice; a failed send never blocks the closing job.
 */
export async function tellResult(platform: Platform, campaign: CampaignDoc, entry: EntryDoc, result: { formed: true; code: string } | { formed: false }) {
  const data: Record<string, string> = result.formed
    ? { thing1: thing(campaign.title), phrase2: '已成团', thing3: thing(`提货码${result.code} ${campaign.pickup.point}`), time4: shanghaiTime(campaign.pickup.startsAt) }
    : { thing1: thing(campaign.title), phrase2: '未成团', thing3: thing('已为您全额退款，原路退回'), time4: shanghaiTime(new Date(campaign.deadline)) }
  await notify(platform, { toOpenid: entry.payerOpenid, template: GROUPBUY_RESULT_TEMPLATE, page: ORDERS_PAGE, data, dedupeKey: `groupbuy-result-${entry._id}` })
}
