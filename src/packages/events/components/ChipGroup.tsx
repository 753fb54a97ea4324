import { View, Text } from '@tarojs/components'

/** Pill choices (one or several), each a comfortable tap target; used by the event and cost forms. */
export function ChipGroup<K extends string>({ options, selected, onToggle, testId }: { options: { key: K; label: string }[]; selected: readonly K[]; onToggle: (k: K) => void; testId?: string }) {
  return (
    <View className='ev-chips' data-testid={testId}>
      {options.map((o) => (
        <View key={o.key} className={`ev-chip ${selected.includes(o.key) ? 'ev-chip--on' : ''}`} onClick={() => onToggle(o.key)} data-key={o.key}>
          <Text>{o.label}</Text>
        </View>
      ))}
    </View>
  )
}
