import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'

export interface KpiProps {
  label: string
  value: string | number
  note?: string
  /** 'alert' draws the number in red: something is late or owed. */
  tone?: 'normal' | 'alert' | 'good'
  url?: string
  testId?: string
}

/** One number on a workbench: big value, label under it, tappable when it leads to the list behind it. */
export function Kpi({ label, value, note, tone = 'normal', url, testId }: KpiProps) {
  return (
    <View className={`kpi kpi--${tone}${url ? ' kpi--link' : ''}`} data-testid={testId ?? 'kpi'} data-label={label} onClick={url ? () => void Taro.navigateTo({ url }) : undefined}>
      <Text className='kpi__value'>{String(value)}</Text>
      <Text className='kpi__label'>{label}</Text>
      {note ? <Text className='kpi__note'>{note}</Text> : null}
    </View>
  )
}

/** A row of tools, each with the count of what waits behind it. */
export function ToolRow({ title, note, count, url, testId }: { title: string; note: string; count?: number; url: string; testId?: string }) {
  return (
    <View className='tool-row' data-testid={testId ?? 'staff-tool'} onClick={() => void Taro.navigateTo({ url })}>
      <View className='tool-row__main'>
        <Text className='tool-row__title'>{title}</Text>
        <Text className='tool-row__note'>{note}</Text>
      </View>
      {count !== undefined && count > 0 ? <Text className='tool-row__badge'>{count > 99 ? '99+' : String(count)}</Text> : null}
      <Text className='tool-row__arrow'>›</Text>
    </View>
  )
}
