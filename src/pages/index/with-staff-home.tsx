import type { ComponentType } from 'react'
import { View } from '@tarojs/components'
import { householdsContract } from '@contracts/households.contract'
import { useFnQuery } from '@/hooks/use-fn-query'
import { useActiveRole } from './staff/active-role'
import { RoleSwitch, StaffHome } from './staff-home'

/**
 * Role-aware entry: the home tab shows the resident home or the workbench of the active staff role, with
 * a switch for people who hold several. Wrapping keeps the resident home's own file untouched.
 */
export function withStaffHome(ResidentHome: ComponentType) {
  return function RoleAwareHome() {
    const me = useFnQuery(householdsContract, 'me', {})
    const { active, available, choose } = useActiveRole(me.data)
    return (
      <View className={`role-home role-home--${active}`}>
        <RoleSwitch active={active} available={available} onChoose={choose} />
        {active === 'resident' ? <ResidentHome /> : <StaffHome key={active} role={active} />}
      </View>
    )
  }
}
