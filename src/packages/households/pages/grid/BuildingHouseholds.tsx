import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
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
  // The override of the binding back-off (docs/security.md §5): only after checking the owner in person.
  const unlock = async (h: Item) => {
    const ok = await Taro.showModal({
      title: '解除验证限制',
      content: `${h.unit}${h.room} 近期验证尝试较多而被限制。请确认已当面核验业主身份（证件与登记一致），再解除限制。`,
    })
    if (!ok.confirm) return
    try {
      const res = await callFn(householdsContract, 'clearBindLock', { householdId: h.householdId })
      void Taro.showToast({ title: res.cleared ? '已解除，业主可重新验证' : '该房屋当前没有验证限制', icon: 'none' })
    } catch (e) {
      toastError(e)
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
          {!h.bound && (
            <Button size='mini' fill='none' onClick={() => void unlock(h)}>
              解除验证限制
            </Button>
          )}
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
