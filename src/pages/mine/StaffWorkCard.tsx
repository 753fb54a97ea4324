import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { MeOutput } from '@contracts/households.contract'
import { STAFF_ROLE_LABEL } from './labels'

const WORK_URL = { technician: '/packages/repairs/pages/workbench/index', steward: '/packages/steward/pages/index/index', ops: '/packages/ops/pages/dashboard/index', merchant: '/packages/merchants/pages/workbench/index' } as const
const WORK_TITLE = { technician: '维修工作台', steward: '管家工作台', ops: '经营看板', merchant: '商户工作台' } as const

/**
 * 我的 for staff who do not live in the community: their work, not a prompt to bind a house (a technician
 * has nothing to bind; binding stays one tap away in 房屋与成员 if they do live there).
 */
export function StaffWorkCard({ roles }: { roles: MeOutput['roles'] }) {
  return (
    <>
      <Text className='section-title'>我的工作</Text>
      <View className='card mine-links' data-testid='staff-work'>
        {roles.map((r) => (
          <View key={`${r.role}-${r.communityId}`} className='mine-link' onClick={() => void Taro.navigateTo({ url: WORK_URL[r.role] })}>
            <Text>{`${WORK_TITLE[r.role]} · ${r.communityName}`}</Text>
            <Text className='mine-link__arrow'>›</Text>
          </View>
        ))}
      </View>
      <Text className='mine-staff-note'>{`工作身份：${roles.map((r) => STAFF_ROLE_LABEL[r.role]).join('、')}`}</Text>
    </>
  )
}
