import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { DoorIcon, GroupbuyIcon, RepairIcon, ServiceIcon, VisitorIcon, WalletIcon, type IconProps } from '@/components/icons'
import type { ComponentType } from 'react'
import { BRAND, INFO } from '@/styles/tokens'

interface Shortcut {
  key: string
  title: string
  Icon: ComponentType<IconProps>
  /** Tile tint; the icon is drawn white on it. */
  color: string
  url: string
}

/** The front-door services, in the order residents reach for them (物业缴费 first: it earns the trust). */
export const SHORTCUTS: Shortcut[] = [
  { key: 'fees', title: '缴费', Icon: WalletIcon, color: BRAND, url: '/packages/fees/pages/index/index' },
  { key: 'repairs', title: '报修', Icon: RepairIcon, color: '#f08c00', url: '/packages/repairs/pages/new/index' },
  { key: 'access', title: '开门', Icon: DoorIcon, color: INFO, url: '/packages/access/pages/index/index' },
  { key: 'visitors', title: '访客', Icon: VisitorIcon, color: '#13a8a8', url: '/packages/access/pages/visitors/index' },
  { key: 'groupbuy', title: '团购', Icon: GroupbuyIcon, color: '#f5222d', url: '/packages/groupbuy/pages/index/index' },
  { key: 'services', title: '预约服务', Icon: ServiceIcon, color: '#722ed1', url: '/packages/orders/pages/services/index' },
]

export function ShortcutGrid() {
  return (
    <View className='card shortcuts' data-testid='home-shortcuts'>
      {SHORTCUTS.map(({ key, title, Icon, color, url }) => (
        <View key={key} className='shortcut' data-key={key} onClick={() => void Taro.navigateTo({ url })}>
          <View className='shortcut__icon' style={{ backgroundColor: color }}>
            <Icon size={24} color='#fff' />
          </View>
          <Text className='shortcut__title'>{title}</Text>
        </View>
      ))}
    </View>
  )
}
