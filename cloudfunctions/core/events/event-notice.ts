import { formatBusiness } from '../kernel/business-time'
import type { Platform } from '../kernel/platform'
import { notify, thing } from '../notify'
import type { EventDoc } from './event.model'

/** Subscribe-message template of the events area (WX_TPL_EVENT_NOTICE); the inbox titles it 活动通知. */
export const EVENT_NOTICE_TEMPLATE = 'event_notice'
const detailPage = (eventId: string) => `packages/events/pages/detail/index?eventId=${encodeURIComponent(eventId)}`

export type EventNotice =
  | { kind: 'promoted' }
  | { kind: 'cancelled'; reason: string }
  | { kind: 'changed'; what: string }

const PHRASES: Record<EventNotice['kind'], string> = { promoted: '候补成功', cancelled: '活动取消', changed: '活动变更' }

function detailText(event: EventDoc, n: EventNotice): string {
  if (n.kind === 'promoted') return '已为您补上名额，请按时到场'
  if (n.kind === 'cancelled') return `原因：${n.reason}`
  return `${n.what}已变更，请查看`
}

/**
 * Tells one household's member about their event. `key` makes the message once-only (notify's log), so a
 * timer finishing the same step again never sends a second card; a failed send never fails the step.
 */
export async function tellHousehold(platform: Platform, event: EventDoc, toOpenid: string, notice: EventNotice, key: string): Promise<void> {
  await notify(platform, {
    toOpenid,
    template: EVENT_NOTICE_TEMPLATE,
    page: detailPage(event._id),
    data: { thing1: thing(event.title), phrase2: PHRASES[notice.kind], thing3: thing(detailText(event, notice)), time4: formatBusiness(event.startsAt, 'M月D日 HH:mm') },
    dedupeKey: key,
  })
}
