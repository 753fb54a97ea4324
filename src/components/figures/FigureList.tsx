import { View, Text } from '@tarojs/components'
import type { Figure } from '@contracts/attribution.contract'
import { fieldOf } from './figure-format'
import './figure-list.scss'

/**
 * Figures of one row as label / value tiles. `data-figure` names the figure so the same number can be
 * found on the ops report (same formatting: figure-format.ts).
 */
export function FigureList({ figure, keys, variant = 'tiles' }: { figure: Figure; keys: (keyof Figure)[]; variant?: 'tiles' | 'rows' }) {
  return (
    <View className={`figure-list figure-list--${variant}`}>
      {keys.map((key) => {
        const field = fieldOf(key)
        return (
          <View key={key} className='figure-list__item'>
            <Text className='figure-list__label'>{field.label}</Text>
            <Text className='figure-list__value' data-figure={key}>
              {field.show(figure)}
            </Text>
          </View>
        )
      })}
    </View>
  )
}
