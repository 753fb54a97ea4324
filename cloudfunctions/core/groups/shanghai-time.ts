import { businessDate, formatBusiness, inBusinessTime } from '../kernel/business-time'
import type { GroupDoc } from './group.model'

/** Stewards and residents live in China: days and times are business time (kernel/business-time). */
export const shanghaiDate = businessDate

export function shanghaiDateTime(at: Date): string {
  return formatBusiness(at, 'M月D日 HH:mm')
}

/** Calendar day of the starter programme (1 on the day the group was created, Shanghai time); null after day 7. */
export function starterDay(group: Pick<GroupDoc, 'createdAt'>, now: Date): number | null {
  const start = inBusinessTime(group.createdAt).startOf('day')
  const today = inBusinessTime(now).startOf('day')
  const day = Math.round(today.diff(start, 'hour') / 24) + 1
  return day >= 1 && day <= 7 ? day : null
}
