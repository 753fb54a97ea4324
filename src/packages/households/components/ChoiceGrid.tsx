import { View, Text } from '@tarojs/components'

export interface Choice {
  key: string
  label: string
}

/** Tappable chips for buildings, units and rooms: faster to scan than a wheel picker for 2–60 options. */
export function ChoiceGrid({ choices, onPick, columns = 4 }: { choices: Choice[]; onPick: (key: string) => void; columns?: 3 | 4 }) {
  return (
    <View className={`choice-grid choice-grid--${columns}`}>
      {choices.map((c) => (
        <View key={c.key} className='choice-grid__item' onClick={() => onPick(c.key)}>
          <Text>{c.label}</Text>
        </View>
      ))}
    </View>
  )
}
