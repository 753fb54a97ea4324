import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import timezone from 'dayjs/plugin/timezone'
import type { GroupDoc } from './group.model'

dayjs.extend(utc)
dayjs.extend(timezone)

/** Stewards and residents live in China: days and times are counted in Asia/Shanghai whatever the server zone. */
const TZ = 'Asia/Shanghai'

export function shanghaiDate(at: Date): string {
  return dayjs(at).tz(TZ).format('YYYY-MM-DD')
}

export function shanghaiDateTime(at: Date): string {
  return dayjs(at).tz(TZ).format('M月D日 HH:mm')
}

/** Calendar day of the starter programme (1 on the day the group was created, Shanghai time); null after day 7. */
export function starterDay(group: Pick<GroupDoc, 'createdAt'>, now: Date): number | null {
  const start = dayjs(group.createdAt).tz(TZ).startOf('day')
  const today = dayjs(now).tz(TZ).startOf('day')
  const day = Math.round(today.diff(start, 'hour') / 24) + 1
  return day >= 1 && day <= 7 ? day : null
}
