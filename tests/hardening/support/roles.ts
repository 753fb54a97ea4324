/**
 * The callers of the authorization matrix. Each is a real identity in the hardening world (demo personas
 * plus the ones hardening-world.ts adds): who they are relative to the demo owner's household (1栋1单元101,
 * building b-1) and the steward's grid (b-1…b-3) is what the expected table is about.
 */
export const ROLES = [
  'none',
  'unbound',
  'otherHousehold',
  'family',
  'tenant',
  'owner',
  'pending',
  'removed',
  'stewardOther',
  'steward',
  'technician',
  'removedStaff',
  'opsOther',
  'ops',
  'console',
  'merchant',
] as const

export type Role = (typeof ROLES)[number]

/** null openid = a call that reached the function without a WeChat identity (and not from the console). */
export const ROLE_OPENID: Record<Exclude<Role, 'console'>, string | null> = {
  none: null,
  unbound: 'demo-unbound',
  /** Owner of 1栋1单元102: same building and grid as the demo owner, another household. */
  otherHousehold: 'hj-neighbour',
  family: 'demo-family',
  /** Tenant of 1栋1单元101, joined through the owner's invite. */
  tenant: 'hj-tenant',
  owner: 'demo-owner',
  /** Accepted the owner's invite to 1栋1单元101; the owner has not approved yet. */
  pending: 'hj-pending',
  /** Was a tenant of 1栋1单元101 until the owner removed them. */
  removed: 'hj-removed',
  /** Steward of b-4…b-6 in the same community. */
  stewardOther: 'demo-steward-2',
  steward: 'demo-steward',
  /** Technician the demo tickets of 1栋 are assigned to. */
  technician: 'demo-technician',
  /** A technician of the community whom ops removed from the staff (holds no household). */
  removedStaff: 'hj-removed-tech',
  /** Ops of a second community (c-hj-other), with its own households and residents. */
  opsOther: 'hj-ops-other',
  ops: 'demo-ops',
  /** Staff of the merchant 洁家家政 (sells 上门保洁, the service of the order fixtures); no household. */
  merchant: 'demo-merchant',
}

export const ROLE_LABELS: Record<Role, string> = {
  none: '无身份',
  unbound: '未绑定住户',
  otherHousehold: '他户住户',
  family: '家属',
  tenant: '租户',
  owner: '业主',
  pending: '待审成员',
  removed: '已移除成员',
  stewardOther: '他网格管家',
  steward: '管家',
  technician: '维修师傅',
  removedStaff: '已离岗师傅',
  opsOther: '他小区运营',
  ops: '运营',
  console: '控制台',
  merchant: '商户员工',
}
