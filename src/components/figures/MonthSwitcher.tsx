import { View, Text } from '@tarojs/components'
import { currentMonth, monthLabel, shiftMonth } from './figure-format'
import './month-switcher.scss'

/** ‹ 2026年11月 › — months up to the current one (Shanghai). */
export function MonthSwitcher({ month, onChange, prefix = '' }: { month: string; onChange: (month: string) => void; prefix?: string }) {
  const latest = month >= currentMonth()
  return (
    <View className='month-switcher'>
      <Text className='month-switcher__nav' data-testid='prev-month' onClick={() => onChange(shiftMonth(month, -1))}>
        ‹
      </Text>
      <Text className='month-switcher__label' data-testid='month'>
        {prefix}
        {monthLabel(month)}
      </Text>
      <Text className={`month-switcher__nav ${latest ? 'month-switcher__nav--off' : ''}`} data-testid='next-month' onClick={() => !latest && onChange(shiftMonth(month, 1))}>
        ›
      </Text>
    </View>
  )
}
