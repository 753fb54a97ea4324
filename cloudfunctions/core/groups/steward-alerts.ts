import { createHash } from 'node:crypto'
import type { Db } from '@cloudbase/database'
import type { Platform } from '../kernel/platform'
import { isDuplicateKey, must } from '../kernel/db-result'
import { notify, thing } from '../notify'
import { COLLECTIONS } from '../households'
import { GROUP_COLLECTIONS, type GroupAlertDoc } from './group.model'

/** A short id derived from what makes an alert "the same alert" (so raising it twice is one alert). */
export function alertId(...parts: string[]): string {
  return `ga-${createHash('sha256').update(parts.join('|')).digest('hex').slice(0, 24)}`
}

/** What the steward's 今日任务 and the subscribe message say; the _id makes repeats collapse into one. */
export interface AlertDraft {
  _id: string
  communityId: string
  stewardOpenid: string
  type: GroupAlertDoc['type']
  groupId: string | null
  title: string
  text: string
}

/**
 * Tells a steward something once: the alert lands in their inbox (group_alerts, shown in 今日任务) and,
 * where a Notifier is configured, as a subscribe message. Returns false when this alert was already
 * raised (same _id), so a resident retrying "join" ten times does not page the steward ten times.
 */
export async function raiseAlert(platform: Platform, draft: AlertDraft, now: Date): Promise<boolean> {
  const doc: GroupAlertDoc = { ...draft, status: 'open', createdAt: now }
  try {
    must(await platform.db.collection(GROUP_COLLECTIONS.alerts).add(doc))
  } catch (e) {
    if (isDuplicateKey(e)) return false
    throw e
  }
  if (platform.ports.notifier) {
    await notify(platform, {
      toOpenid: draft.stewardOpenid,
      template: 'group_alert',
      page: 'packages/groups/pages/steward/index',
      data: { thing1: thing(draft.title), thing2: thing(draft.text), time3: now.toISOString().slice(0, 16).replace('T', ' ') },
      dedupeKey: `groups:${draft._id}`,
    })
  }
  return true
}

/** The steward whose grid holds the building: the person to tell when its residents cannot find a group. */
export async function homeStewardOf(db: Db, communityId: string, buildingId: string): Promise<string | null> {
  const res = must(await db.collection(COLLECTIONS.grids).where({ communityId, buildingIds: buildingId }).limit(1).get())
  return ((res.data as { stewardOpenid?: string }[])[0]?.stewardOpenid ?? null)
}

export async function ackAlert(db: Db, stewardOpenid: string, alertId: string): Promise<boolean> {
  const res = must(await db.collection(GROUP_COLLECTIONS.alerts).where({ _id: alertId, stewardOpenid, status: 'open' }).update({ status: 'acked' }))
  return res.updated === 1
}
