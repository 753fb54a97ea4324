import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { householdsContract } from '@contracts/households.contract'
import { useFnQuery } from '@/hooks/use-fn-query'
import { useReloadOnReturn } from '@/hooks/use-reload-on-return'
import { PageState } from '@/components/PageState'
import { ROLE_LABELS, type HomeRole } from './staff/active-role'
import { TechBoard } from './staff/TechBoard'
import { StewardBoard } from './staff/StewardBoard'
import { OpsBoard } from './staff/OpsBoard'
import { MerchantBoard } from './staff/MerchantBoard'
import './staff/staff-home.scss'

/** Chips to switch between the roles a person holds (shown only when there is more than one). */
export function RoleSwitch({ active, available, onChoose }: { active: HomeRole; available: HomeRole[]; onChoose: (r: HomeRole) => void }) {
  if (available.length < 2) return null
  return (
    <View className='role-switch' data-testid='role-switch'>
      <Text className='role-switch__label'>身份</Text>
      {available.map((r) => (
        <Text key={r} className={`role-switch__chip${r === active ? ' role-switch__chip--on' : ''}`} data-role={r} onClick={() => onChoose(r)}>
          {ROLE_LABELS[r]}
        </Text>
      ))}
    </View>
  )
}

/**
 * The home tab for staff: one `workbench` call answers the board of every staff role the caller holds;
 * the active role picks which is shown. Counts refresh when the tab is shown again (after accepting a
 * ticket or sending reminders on a sub page) and on pull-down.
 */
export function StaffHome({ role }: { role: Exclude<HomeRole, 'resident'> }) {
  // Merchant staff have their own board (merchants.board), not one of the property workbenches.
  return role === 'merchant' ? <MerchantBoard /> : <PropertyStaffHome role={role} />
}

function PropertyStaffHome({ role }: { role: Exclude<HomeRole, 'resident' | 'merchant'> }) {
  const q = useFnQuery(householdsContract, 'workbench', {})
  useReloadOnReturn(q.reload)
  usePullDownRefresh(() => void q.reload().finally(() => Taro.stopPullDownRefresh()))
  const tech = q.data?.technician
  const steward = q.data?.steward
  const ops = q.data?.ops
  const missing = !!q.data && !{ technician: tech, steward, ops }[role]
  return (
    <PageState loading={q.loading} error={q.error} hasData={!!q.data} empty={missing} emptyText='这个工作身份已失效，请切换身份或联系物业' onRetry={() => void q.reload()}>
      {role === 'technician' && tech && <TechBoard board={tech} />}
      {role === 'steward' && steward && <StewardBoard board={steward} />}
      {role === 'ops' && ops && <OpsBoard board={ops} />}
    </PageState>
  )
}
