import { View, Text } from '@tarojs/components'
import { Switch } from '@nutui/nutui-react-taro'
import type { HouseholdSharingView } from '@contracts/households-members.schemas'

interface Props {
  sharing: HouseholdSharingView
  canManage: boolean
  busy: boolean
  onChange: (next: HouseholdSharingView) => void
}

const ROWS: { key: keyof HouseholdSharingView; title: string; note: string }[] = [
  { key: 'family', title: '家属可查看全家报修和订单', note: '关闭后，家属只看到自己提交的报修和自己支付的订单' },
  { key: 'tenant', title: '租户可查看全家报修和订单', note: '默认关闭：租户只看到自己的报修和订单' },
]

/** 查看权限: the owner decides who besides them sees the household's tickets and orders; others read the setting. */
export function SharingCard({ sharing, canManage, busy, onChange }: Props) {
  return (
    <View className='card sharing-card' data-testid='sharing-card'>
      {ROWS.map((r) => (
        <View key={r.key} className='sharing-card__row'>
          <View className='sharing-card__text'>
            <Text className='sharing-card__title'>{r.title}</Text>
            <Text className='sharing-card__note'>{r.note}</Text>
          </View>
          {canManage ? (
            <Switch checked={sharing[r.key]} disabled={busy} data-testid={`sharing-${r.key}`} onChange={(v: boolean) => onChange({ ...sharing, [r.key]: v })} />
          ) : (
            <Text className='sharing-card__value'>{sharing[r.key] ? '已开启' : '未开启'}</Text>
          )}
        </View>
      ))}
    </View>
  )
}
