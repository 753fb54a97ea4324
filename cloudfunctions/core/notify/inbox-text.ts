/**
 * What a subscribe message says in the in-app 消息中心. WeChat shows a card from the template's fields;
 * the inbox shows a title per template and the field values in order, so every message a person was
 * sent reads the same here whether or not WeChat delivered it (a refused subscription still lands here).
 */
const TITLES: Record<string, string> = {
  repair_status: '报修进度',
  repair_task: '新的维修任务',
  repair_overdue: '报修超时提醒',
  groupbuy_result: '团购结果',
  groupbuy_poll: '严选征集结果',
  fee_reminder: '缴费提醒',
  group_alert: '社群提醒',
  household_join: '入户申请待审核',
  profile_push: '社区推荐',
  event_notice: '活动通知',
}

export function inboxTitle(template: string): string {
  return TITLES[template] ?? '通知'
}

/** Field values in the template's key order (thing1, amount2, time3…), blanks dropped. */
export function inboxBody(data: Record<string, string>): string {
  const order = (k: string) => Number(/(\d+)$/.exec(k)?.[1] ?? 99)
  return Object.entries(data)
    .sort(([a], [b]) => order(a) - order(b))
    .map(([, v]) => v.trim())
    .filter(Boolean)
    .join(' · ')
}
