import type { MeOutput } from '@contracts/households.contract'
import { BRAND, INFO, WARN } from '@/styles/tokens'
import type { WorkbenchOutput } from '@contracts/households-workbench.schemas'

type StaffRole = 'steward' | 'ops' | 'technician' | 'merchant'

export interface ServiceEntry {
  key: string
  title: string
  /** One character on the tile: readable at a glance, no icon font to download. */
  glyph: string
  color: string
  url: string
  /** Staff-only entries appear only for callers holding this role (or one of these roles). */
  role?: StaffRole | StaffRole[]
  /** What waits behind a workbench entry (a badge on the tile), from households.workbench. */
  count?: (wb: WorkbenchOutput) => number
}

/** The 服务 grid. Each area owns its line: point `url` at your area's entry page. */
export const SERVICE_ENTRIES: ServiceEntry[] = [
  { key: 'fees', title: '物业缴费', glyph: '缴', color: BRAND, url: '/packages/fees/pages/index/index' },
  { key: 'repairs', title: '报事报修', glyph: '修', color: '#f08c00', url: '/packages/repairs/pages/index/index' },
  { key: 'access', title: '门禁通行', glyph: '门', color: INFO, url: '/packages/access/pages/index/index' },
  { key: 'groupbuy', title: '社区团购', glyph: '团', color: '#f5222d', url: '/packages/groupbuy/pages/index/index' },
  { key: 'groups', title: '加入社群', glyph: '群', color: '#13a8a8', url: '/packages/groups/pages/index/index' },
  { key: 'events', title: '社区活动', glyph: '活', color: '#eb2f96', url: '/packages/events/pages/index/index' },
  { key: 'orders', title: '我的订单', glyph: '单', color: '#722ed1', url: '/packages/orders/pages/index/index' },
  { key: 'tech', title: '维修工作台', glyph: '修', color: WARN, url: '/packages/repairs/pages/workbench/index', role: 'technician', count: (wb) => (wb.technician ? wb.technician.waiting + wb.technician.overdue : 0) },
  { key: 'groups-steward', title: '社群运营', glyph: '群', color: '#13a8a8', url: '/packages/groups/pages/steward/index', role: 'steward', count: (wb) => wb.steward?.tasks.count ?? 0 },
  { key: 'groupbuy-pickup', title: '团购核销', glyph: '核', color: '#fa541c', url: '/packages/groupbuy/pages/pickup/index', role: 'steward', count: (wb) => wb.steward?.pickupsWaiting ?? 0 },
  { key: 'groupbuy-manage', title: '团购管理', glyph: '管', color: '#fa8c16', url: '/packages/groupbuy/pages/manage/index', role: ['steward', 'ops'] },
  { key: 'steward-arrears', title: '欠费催缴', glyph: '催', color: '#cf1322', url: '/packages/steward/pages/arrears/index', role: 'steward', count: (wb) => wb.steward?.arrears.households ?? 0 },
  { key: 'segment-steward', title: '精准推送', glyph: '推', color: '#eb2f96', url: '/packages/profiles/pages/segment/index', role: 'steward' },
  { key: 'steward', title: '管家工作台', glyph: '管', color: '#2f54eb', url: '/packages/steward/pages/index/index', role: 'steward' },
  { key: 'events-steward', title: '活动组织', glyph: '活', color: '#eb2f96', url: '/packages/events/pages/manage/index', role: 'steward' },
  { key: 'events-ops', title: '活动组织', glyph: '活', color: '#eb2f96', url: '/packages/events/pages/manage/index', role: 'ops' },
  { key: 'events-costs', title: '费用核销', glyph: '费', color: '#9254de', url: '/packages/events/pages/costs/index', role: 'ops' },
  { key: 'merchant', title: '商户工作台', glyph: '商', color: '#08979c', url: '/packages/merchants/pages/workbench/index', role: 'merchant' },
  { key: 'ops-merchants', title: '商户与结算', glyph: '商', color: '#08979c', url: '/packages/merchants/pages/ops/index', role: 'ops' },
  { key: 'segment-ops', title: '精准推送', glyph: '推', color: '#eb2f96', url: '/packages/profiles/pages/segment/index', role: 'ops' },
  { key: 'ops', title: '运营看板', glyph: '运', color: '#595959', url: '/packages/ops/pages/dashboard/index', role: 'ops', count: (wb) => (wb.ops ? wb.ops.repairs.overdue : 0) },
]

/**
 * Staff entries only for the roles the server says the caller has; residents' entries for residents and
 * newcomers, not for staff who have no home here (a technician's 服务 tab is their work, not 缴费).
 */
export function visibleEntries(me: Pick<MeOutput, 'roles' | 'households'> | undefined): ServiceEntry[] {
  const roles = new Set((me?.roles ?? []).map((r) => r.role))
  const staffOnly = !!me && me.households.length === 0 && roles.size > 0
  return SERVICE_ENTRIES.filter((e) => (e.role ? [e.role].flat().some((r) => roles.has(r)) : !staffOnly))
}
