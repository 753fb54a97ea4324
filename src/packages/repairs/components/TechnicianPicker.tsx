import { View, Text } from '@tarojs/components'
import { repairsContract } from '@contracts/repairs.contract'
import { useFnQuery } from '@/hooks/use-fn-query'
import { PageState } from '@/components/PageState'

/** The community's technicians with their load; off-duty ones are shown but cannot be picked. */
export function TechnicianPicker({ current, onPick }: { current: string | null; onPick: (technicianId: string) => void }) {
  const list = useFnQuery(repairsContract, 'technicians', {})
  return (
    <View className='card technician-picker'>
      <Text className='form-block__label'>选择维修师傅</Text>
      <PageState loading={list.loading} error={list.error} hasData={!!list.data} empty={list.data?.items.length === 0} emptyText='本小区还没有维修师傅' onRetry={() => void list.reload()}>
        {list.data?.items.map((tech) => (
          <View key={tech.technicianId} className={`tech-pick${tech.available ? '' : ' tech-pick--off'}`} data-name={tech.name} onClick={tech.available ? () => onPick(tech.technicianId) : undefined}>
            <Text className='tech-pick__name'>
              {tech.name}
              {tech.name === current ? '（当前）' : ''}
            </Text>
            <Text className='tech-pick__meta'>{tech.available ? `进行中 ${tech.openTickets} 单` : '休息中'}</Text>
          </View>
        ))}
      </PageState>
    </View>
  )
}
