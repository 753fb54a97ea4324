import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Input } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { groupsContract, type GroupKind } from '@contracts/groups.contract'
import { householdsContract } from '@contracts/households.contract'
import { callFn } from '@/services/call-fn'
import { useFnQuery } from '@/hooks/use-fn-query'
import { PageState } from '@/components/PageState'
import { KIND_SHORT } from '../../components/labels'
import '../../components/groups.scss'
import { toastError } from '@/services/toast'
import { BRAND } from '@/styles/tokens'

const KINDS = Object.keys(KIND_SHORT) as GroupKind[]

/** 新建社群: name, who it is for, which buildings of my grid (none = the whole community), capacity. */
export default function CreateGroupPage() {
  const grid = useFnQuery(householdsContract, 'stewardGrid', {})
  const [name, setName] = useState('')
  const [kind, setKind] = useState<GroupKind>('owners')
  const [buildings, setBuildings] = useState<string[]>([])
  const [capacity, setCapacity] = useState('200')
  const [busy, setBusy] = useState(false)
  const community = grid.data?.grids[0]
  const toggle = (id: string) => setBuildings((b) => (b.includes(id) ? b.filter((x) => x !== id) : [...b, id]))

  const submit = async () => {
    if (!community) return
    setBusy(true)
    try {
      await callFn(groupsContract, 'createGroup', { communityId: community.communityId, name: name.trim(), kind, buildingIds: buildings, capacity: Number(capacity) || 200 })
      void Taro.showToast({ title: '已创建', icon: 'success' })
      setTimeout(() => void Taro.navigateBack(), 600)
    } catch (e) {
      toastError(e, '创建失败')
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='groups-page create-page'>
      <PageState loading={grid.loading} error={grid.error} hasData={!!grid.data} empty={!!grid.data && !community} emptyText='只有网格管家可以新建社群' onRetry={() => void grid.reload()}>
        <View className='form-row'>
          <Text className='form-row__label'>群名称</Text>
          <Input className='form-row__field' placeholder='如：阳光花园1–3栋业主群' maxlength={40} value={name} onInput={(e) => setName(e.detail.value)} />
        </View>
        <Text className='section-title'>群类型</Text>
        <View className='kind-chips'>
          {KINDS.map((k) => (
            <Text key={k} className='kind-chip' style={k === kind ? { borderColor: BRAND, color: BRAND } : undefined} onClick={() => setKind(k)}>
              {KIND_SHORT[k]}
            </Text>
          ))}
        </View>
        <Text className='section-title'>覆盖楼栋（不选 = 全小区）</Text>
        <View className='kind-chips'>
          {community?.buildings.map((b) => (
            <Text key={b.buildingId} className='kind-chip' style={buildings.includes(b.buildingId) ? { borderColor: BRAND, color: BRAND } : undefined} onClick={() => toggle(b.buildingId)}>
              {b.name}
            </Text>
          ))}
        </View>
        <View className='form-row' style={{ marginTop: '16px' }}>
          <Text className='form-row__label'>容量（扫码入群上限约 200 人）</Text>
          <Input className='form-row__field' type='number' value={capacity} onInput={(e) => setCapacity(e.detail.value)} />
        </View>
        <View className='groups-actions'>
          <Button type='primary' disabled={busy || name.trim().length < 2} onClick={() => void submit()}>
            创建
          </Button>
        </View>
      </PageState>
    </View>
  )
}
