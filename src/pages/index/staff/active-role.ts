import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import type { MeOutput } from '@contracts/households.contract'

/** Who the home page is for right now. A person may hold several of these and switch. */
export type HomeRole = 'resident' | 'technician' | 'steward' | 'ops' | 'merchant'

export const ROLE_LABELS: Record<HomeRole, string> = { resident: '住户', technician: '维修师傅', steward: '网格管家', ops: '物业运营', merchant: '商户' }
/** What the first tab is called for each role (the tab bar follows the active role). */
const TAB_TEXT: Record<HomeRole, string> = { resident: '首页', technician: '工作台', steward: '工作台', ops: '工作台', merchant: '工作台' }
const STORAGE_KEY = 'home.role'
/** A staff member lands on their work: technicians first (queues are urgent), then stewards, then ops. */
const PRIORITY: HomeRole[] = ['technician', 'steward', 'ops', 'merchant']

/** The roles a caller can act in: staff roles from the server, plus 住户 when they have a home (or nothing else). */
export function rolesOf(me: Pick<MeOutput, 'roles' | 'households'> | undefined): HomeRole[] {
  if (!me) return []
  const staff = PRIORITY.filter((r) => me.roles.some((x) => x.role === r))
  return me.households.length > 0 || staff.length === 0 ? [...staff, 'resident'] : staff
}

export function storedRole(): HomeRole | null {
  try {
    const v = Taro.getStorageSync(STORAGE_KEY) as string
    return v === 'resident' || v === 'technician' || v === 'steward' || v === 'ops' || v === 'merchant' ? v : null
  } catch {
    return null
  }
}

/** The remembered role if the caller still holds it, else their first. */
export function pickRole(available: HomeRole[], remembered: HomeRole | null): HomeRole {
  if (remembered && available.includes(remembered)) return remembered
  return available[0] ?? 'resident'
}

function syncTabText(role: HomeRole) {
  // Tab pages only; a failure (e.g. called from a sub page) must never break the page.
  void Promise.resolve()
    .then(() => Taro.setTabBarItem({ index: 0, text: TAB_TEXT[role] }))
    .catch(() => undefined)
}

/**
 * The other tab pages (服务, 我的) name the first tab too: opened first (a shared card, a reload), they
 * would otherwise show 首页 to staff until the home tab was visited, and 工作台 after.
 */
export function useHomeTabText(me: Pick<MeOutput, 'roles' | 'households'> | undefined) {
  useEffect(() => {
    if (me) syncTabText(pickRole(rolesOf(me), storedRole()))
  }, [me])
}

function syncTabBar(role: HomeRole) {
  syncTabText(role)
  void Promise.resolve()
    .then(() => Taro.setNavigationBarTitle({ title: role === 'resident' ? '首页' : `${ROLE_LABELS[role]}工作台` }))
    .catch(() => undefined)
}

/**
 * The active home role. Until `me` answers, the remembered role is used so a technician's first screen is
 * the workbench from the first frame; once it answers, a role the caller lost falls back to one they hold.
 */
export function useActiveRole(me: Pick<MeOutput, 'roles' | 'households'> | undefined) {
  const [chosen, setChosen] = useState<HomeRole | null>(() => storedRole())
  const available = rolesOf(me)
  const active: HomeRole = me ? pickRole(available, chosen) : (chosen ?? 'resident')
  useEffect(() => syncTabBar(active), [active])
  const choose = (role: HomeRole) => {
    setChosen(role)
    try {
      Taro.setStorageSync(STORAGE_KEY, role)
    } catch {
      /* storage full or denied: the choice lasts this session only */
    }
  }
  return { active, available, choose }
}
