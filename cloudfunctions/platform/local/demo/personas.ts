/**
 * Demo personas for the H5 build's role switcher and the README. The gateway sends the chosen persona's
 * openid as the caller, the way CloudBase fills WX_OPENID for a real WeChat user.
 */
export interface Persona {
  id: string
  openid: string
  label: string
  description: string
}

export const DEMO_COMMUNITY_ID = 'c-sunshine'

export const PERSONAS = [
  { id: 'unbound', openid: 'demo-unbound', label: '新住户（未绑定）', description: '刚打开小程序，还没有绑定房屋' },
  { id: 'owner', openid: 'demo-owner', label: '业主 王先生', description: '阳光花园 1栋1单元101 的业主' },
  { id: 'family', openid: 'demo-family', label: '家属 王太太', description: '1栋1单元101 的家庭成员' },
  { id: 'steward', openid: 'demo-steward', label: '网格管家 张敏', description: '负责 1–3 栋' },
  { id: 'steward2', openid: 'demo-steward-2', label: '网格管家 李强', description: '负责 4–6 栋' },
  { id: 'technician', openid: 'demo-technician', label: '维修师傅 赵工', description: '阳光花园维修组，负责 1–3 栋' },
  { id: 'technician2', openid: 'demo-technician-2', label: '维修师傅 孙工', description: '阳光花园维修组，负责 4–6 栋' },
  { id: 'ops', openid: 'demo-ops', label: '物业运营 陈经理', description: '阳光花园物业服务中心' },
  { id: 'merchant', openid: 'demo-merchant', label: '商户 洁家家政 周姐', description: '入驻商户员工：看本店订单、标记送达、对账单与发票' },
  { id: 'merchant2', openid: 'demo-merchant-2', label: '商户 鲜丰果蔬 小林', description: '另一家入驻商户（用于权限对比）' },
  { id: 'visitor', openid: 'demo-visitor', label: '访客', description: '没有房屋的外来访客' },
] as const satisfies readonly Persona[]

export type PersonaId = (typeof PERSONAS)[number]['id']

/** The openid the local gateway sends for a persona. */
export function personaOpenid(id: PersonaId): string {
  return PERSONAS.find((p) => p.id === id)!.openid
}

/** The registry entry the demo owner proves ownership with (shown in the README for trying binding). */
export const DEMO_BINDING = { building: '2栋', unit: '1单元', room: '301', ownerName: '刘洋', phone: '13800002301' }
