import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { ActionOutput } from '@contracts/envelope'
import { householdsContract } from '@contracts/households.contract'
import { callFn } from '@/services/call-fn'
import { toastError } from '@/services/toast'

type Item = ActionOutput<typeof householdsContract, 'stewardHouseholds'>['items'][number]
const PAGE = 30

/** The households of one building, 30 at a time: bound or not, owner masked. */
export function BuildingHouseholds({ buildingId }: { buildingId: string }) {
  const [items, setItems] = useState<Item[]>([])
  const [hasMore, setHasMore] = useState(true)
  const [loading, setLoading] = useState(false)

  const loadMore = async (offset: number) => {
    setLoading(true)
    try {
      const page = await callFn(householdsContract, 'stewardHouseholds', { buildingId, offset, limit: PAGE })
      setItems((prev) => (offset === 0 ? page.items : [...prev, ...page.items]))
      setHasMore(page.hasMore)
    } catch (e) {
      toastError(e)
    } finally {
      setLoading(false)
    }
  }
  useEffect(() => {
    void loadMore(0)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [buildingId])

  return (
    <View className='grid-households'>
      {items.map((h) => (
        <View key={h.householdId} className='grid-household'>
          <Text>{`${h.unit}${h.room} · ${h.ownerNameMasked} 尾号${h.ownerPhoneLast4}`}</Text>
          <Text className={h.bound ? 'grid-household__bound' : 'grid-household__unbound'}>{h.bound ? `已绑定 ${h.activeMembers} 人` : '未绑定'}</Text>
        </View>
      ))}
      {hasMore && (
        <Button size='small' fill='none' loading={loading} onClick={() => void loadMore(items.length)}>
          加载更多
        </Button>
      )}
    </View>
  )
}
