import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { householdsContract } from '@contracts/households.contract'
import { useFnQuery } from '@/hooks/use-fn-query'
import { useHomeTabText } from '../index/staff/active-role'
import { visibleEntries, type ServiceEntry } from './entries'
import './index.scss'

function Tile({ entry, count }: { entry: ServiceEntry; count?: number }) {
  return (
    <View className='service-tile' data-key={entry.key} onClick={() => void Taro.navigateTo({ url: entry.url })}>
      <View className='service-tile__glyph' style={{ backgroundColor: entry.color }}>
        <Text>{entry.glyph}</Text>
        {count ? <Text className='service-tile__badge' data-testid='tile-count'>{count > 99 ? '99+' : String(count)}</Text> : null}
      </View>
      <Text className='service-tile__title'>{entry.title}</Text>
    </View>
  )
}

/** 服务: every feature's front door. Staff see their workbenches too; a failed `me` only hides those. */
export default function ServicesPage() {
  const me = useFnQuery(householdsContract, 'me', {})
  const staffRole = (me.data?.roles.length ?? 0) > 0
  const wb = useFnQuery(householdsContract, 'workbench', {})
  usePullDownRefresh(() => {
    void Promise.all([me.reload(), wb.reload()]).finally(() => Taro.stopPullDownRefresh())
  })
  useHomeTabText(me.data)
  const entries = visibleEntries(me.data)
  const resident = entries.filter((e) => !e.role)
  const staff = entries.filter((e) => e.role)
  return (
    <View className='services-page'>
      {resident.length > 0 && (
        <>
          <Text className='section-title'>生活服务</Text>
          <View className='service-grid'>
            {resident.map((e) => (
              <Tile key={e.key} entry={e} />
            ))}
          </View>
        </>
      )}
      {staff.length > 0 && (
        <>
          <Text className='section-title'>工作台</Text>
          <View className='service-grid'>
            {staff.map((e) => (
              <Tile key={e.key} entry={e} count={staffRole && wb.data && e.count ? e.count(wb.data) : undefined} />
            ))}
          </View>
        </>
      )}
    </View>
  )
}
