import { View, Text } from '@tarojs/components'

/** Five stars; tappable when `onChange` is given. Plain text glyphs: crisp everywhere, no icon font. */
export function StarRow({ label, value, onChange }: { label: string; value: number; onChange?: (v: number) => void }) {
  return (
    <View className='star-row' data-label={label}>
      <Text className='star-row__label'>{label}</Text>
      <View className='star-row__stars'>
        {[1, 2, 3, 4, 5].map((n) => (
          <Text key={n} className={`star${n <= value ? ' star--on' : ''}`} data-score={n} onClick={onChange ? () => onChange(n) : undefined}>
            ★
          </Text>
        ))}
      </View>
    </View>
  )
}
