import type { SubscribeMessage } from '../kernel/ports/notifier.port'
import { thing } from '../notify'
import { REPAIR_CATEGORY_LABELS, REPAIR_STATUS_LABELS } from '../../contracts/repairs.contract'
import type { SlaKind, TicketDoc } from './repair.model'
import { cardTime, windowLabel } from './repair-time'

/**
 * The subscribe-message cards of the repairs area. Three templates (configure their ids as
 * WX_TPL_REPAIR_STATUS, WX_TPL_REPAIR_TASK, WX_TPL_REPAIR_OVERDUE; field keys follow the templates chosen
 * in the mini-program console, documented in docs/repairs.md).
 */
export const detailPage = (ticketId: string) => `packages/repairs/pages/detail/index?id=${ticketId}`

type Ticket = Pick<TicketDoc, '_id' | 'category' | 'placeLabel' | 'status' | 'assigneeName' | 'promisedStart' | 'promisedEnd' | 'residentOpenid'>

/** To the resident: their ticket moved (派单, 接单, 上门, 完成). */
export function residentStatusCard(t: Ticket, rev: number, at: Date): SubscribeMessage {
  const notes: Partial<Record<TicketDoc['status'], string>> = {
    assigned: t.assigneeName ? `已安排${t.assigneeName}，接单后会通知您` : '已为您派单',
    accepted: t.promisedStart && t.promisedEnd ? `${t.assigneeName ?? '师傅'}将于${windowLabel(t.promisedStart, t.promisedEnd)}上门` : '师傅已接单',
    in_progress: '师傅已上门，正在维修',
    completed: '维修已完成，请为本次服务评价',
  }
  return {
    toOpenid: t.residentOpenid,
    template: 'repair_status',
    page: detailPage(t._id),
    data: {
      thing1: thing(REPAIR_CATEGORY_LABELS[t.category]),
      phrase2: REPAIR_STATUS_LABELS[t.status],
      time3: cardTime(at),
      thing4: thing(notes[t.status] ?? REPAIR_STATUS_LABELS[t.status]),
    },
    dedupeKey: `repair:${t._id}:${rev}:resident`,
  }
}

/** To a technician: a new ticket for them, or a change to one of theirs. */
export function technicianCard(t: Ticket, toOpenid: string, note: string, rev: number, at: Date): SubscribeMessage {
  return {
    toOpenid,
    template: 'repair_task',
    page: detailPage(t._id),
    data: {
      thing1: thing(REPAIR_CATEGORY_LABELS[t.category]),
      thing2: thing(t.placeLabel),
      time3: cardTime(at),
      thing4: thing(note),
    },
    dedupeKey: `repair:${t._id}:${rev}:tech:${toOpenid}`,
  }
}

const SLA_LABEL: Record<SlaKind, string> = { respond: '接单超时', arrive: '上门超时' }

/** To the steward and ops: an SLA was missed. One per ticket, kind and recipient, ever. */
export function overdueCard(t: Ticket, kind: SlaKind, dueAt: Date, toOpenid: string): SubscribeMessage {
  return {
    toOpenid,
    template: 'repair_overdue',
    page: detailPage(t._id),
    data: {
      thing1: thing(REPAIR_CATEGORY_LABELS[t.category]),
      thing2: thing(t.placeLabel),
      phrase3: SLA_LABEL[kind],
      time4: cardTime(dueAt),
    },
    dedupeKey: `repair:${t._id}:overdue:${kind}:${toOpenid}`,
  }
}

/** To the steward (and ops): nobody could be dispatched automatically. */
export function unassignedCard(t: Ticket, toOpenid: string, at: Date): SubscribeMessage {
  return {
    toOpenid,
    template: 'repair_task',
    page: detailPage(t._id),
    data: { thing1: thing(REPAIR_CATEGORY_LABELS[t.category]), thing2: thing(t.placeLabel), time3: cardTime(at), thing4: '暂无可派师傅，请手动派单' },
    dedupeKey: `repair:${t._id}:unassigned:${toOpenid}`,
  }
}
