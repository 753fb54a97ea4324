import { useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { householdsContract } from '@contracts/households.contract'
import { useFnQuery } from '@/hooks/use-fn-query'
import { PageState } from '@/components/PageState'
import { BuildingHouseholds } from './BuildingHouseholds'
import '../../components/households.scss'

const percent = (r: number) => `${(r * 100).toFixed(1)}%`

/** 我的网格 (stewards): my buildings, households, how many are bound, penetration (渗透率). */
export default function GridPage() {
  const q = useFnQuery(householdsContract, 'stewardGrid', {})
  const [open, setOpen] = useState<string | null>(null)
  usePullDownRefresh(() => void q.reload().finally(() => Taro.stopPullDownRefresh()))
  const grids = q.data?.grids ?? []

  return (
    <View className='hh-page grid-page'>
      <PageState loading={q.loading} error={q.error} hasData={!!q.data} onRetry={() => void q.reload()} empty={!!q.data && grids.length === 0} emptyText='您还没有负责的网格，请联系物业运营分配楼栋'>
        {grids.map((g) => (
          <View key={g.communityId}>
            <Text className='section-title'>{`${g.communityName} · 我的网格`}</Text>
            <View className='card grid-summary'>
              <View>
                <Text className='grid-summary__num'>{g.totals.households}</Text>
                <Text className='grid-summary__label'>总户数</Text>
              </View>
              <View>
                <Text className='grid-summary__num'>{g.totals.boundHouseholds}</Text>
                <Text className='grid-summary__label'>已绑定</Text>
              </View>
              <View>
                <Text className='grid-summary__num grid-penetration'>{percent(g.totals.penetration)}</Text>
                <Text className='grid-summary__label'>渗透率</Text>
              </View>
            </View>
            <View className='card' style={{ paddingTop: 0, paddingBottom: 0 }}>
              {g.buildings.map((b) => (
                <View key={b.buildingId} className='grid-building'>
                  <View className='grid-building__head' onClick={() => setOpen(open === b.buildingId ? null : b.buildingId)}>
                    <Text>{`${b.name} ${open === b.buildingId ? '▾' : '▸'}`}</Text>
                    <Text className='grid-building__stat'>{`${b.boundHouseholds}/${b.households} 户 · ${percent(b.penetration)}`}</Text>
                  </View>
                  <View className='grid-bar'>
                    <View className='grid-bar__fill' style={{ width: percent(b.penetration) }} />
                  </View>
                  {open === b.buildingId && <BuildingHouseholds buildingId={b.buildingId} />}
                </View>
              ))}
            </View>
          </View>
        ))}
      </PageState>
    </View>
  )
}
