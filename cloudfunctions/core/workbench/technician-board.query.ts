import type { Platform } from '../kernel/platform'
import type { TechnicianBoard } from '../../contracts/households-workbench.schemas'
import type { CallerAccess } from '../kernel/caller-access'
import { myDuty, technicianCounts, technicianQueue } from '../repairs'

export const QUEUE_PREVIEW = 10

/** 维修工作台: duty, the three counts and the first page of the queue. */
export async function technicianBoard(platform: Platform, access: CallerAccess, communityId: string): Promise<TechnicianBoard> {
  const db = platform.db
  const [duty, counts, queue] = await Promise.all([
    myDuty(platform, access),
    technicianCounts(db, access.openid, platform.clock.now()),
    technicianQueue(db, access.openid, 'active', { offset: 0, limit: QUEUE_PREVIEW }),
  ])
  return { communityId, name: duty.name, available: duty.available, ...counts, queue: queue.items, queueHasMore: queue.hasMore }
}
