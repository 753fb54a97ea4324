import type dayjs from 'dayjs'
import type { NoticeDoc } from '../../../core/households/household.model'
import { inBusinessTime } from '../../../core/kernel/business-time'
import { DEMO_COMMUNITY_ID } from './personas'

/**
 * The demo community's notices, dated relative to the seed time in Beijing time so they read true on
 * any day: an upcoming 1栋 lift service and 2栋 water outage (pinned until they are over, each seen only
 * in its building), current community news, and an old outage notice that is no longer pinned (history).
 */
export function demoNotices(now: Date): NoticeDoc[] {
  const today = inBusinessTime(now).startOf('day')
  const md = (d: dayjs.Dayjs) => `${d.month() + 1}月${d.date()}日`
  const endOf = (d: dayjs.Dayjs) => d.endOf('day').toDate()
  const ago = (days: number, hour: number) => today.subtract(days, 'day').add(hour, 'hour').toDate()
  const lift = today.add(2, 'day')
  const water = today.add(1, 'day')
  const oldWater = today.subtract(12, 'day')
  const base = { communityId: DEMO_COMMUNITY_ID }
  return [
    { ...base, _id: 'n-lift', title: `${md(lift)} 1栋电梯维保`, body: `${md(lift)} 9:00–12:00 1栋1、2单元电梯例行维保，期间暂停使用，请走楼梯或错峰出行。`, pinned: true, pinnedUntil: endOf(lift), buildingIds: ['b-1'], publishedAt: ago(1, 10) },
    { ...base, _id: 'n-water', title: `${md(water)} 2栋停水通知`, body: `因二次供水设备检修，${md(water)} 9:00–15:00 2栋暂停供水，请提前储水。`, pinned: true, pinnedUntil: endOf(water), buildingIds: ['b-2'], publishedAt: ago(1, 9) },
    { ...base, _id: 'n-heating', title: '冬季供暖试运行', body: '小区供暖将于本周六开始试运行，如有暖气不热请在“报事报修”中提交。', pinned: false, publishedAt: ago(2, 16) },
    { ...base, _id: 'n-fire', title: '消防通道清理', body: '请各位业主勿在消防通道停放电动车，物业将于月底统一清理。', pinned: false, publishedAt: ago(5, 11) },
    { ...base, _id: 'n-fee', title: '本月物业费账单已出', body: '本月物业费、停车费账单已生成，可在“物业缴费”中在线缴纳，支持多笔合并支付并开具电子发票。', pinned: false, publishedAt: ago(8, 9) },
    { ...base, _id: 'n-old-water', title: `${md(oldWater)} 全小区停水通知`, body: `${md(oldWater)} 13:00–17:00 市政管网维修，全小区暂停供水。（已恢复供水）`, pinned: true, pinnedUntil: endOf(oldWater), publishedAt: ago(14, 10) },
  ]
}
