import { View, Text } from '@tarojs/components'
import { useDevPersonaLabel } from './use-dev-persona-label'
import { openPersonaSwitcher } from './persona-switcher'

/**
 * H5 only (required behind TARO_ENV === 'h5' in 我的): the row that opens the demo-persona sheet. It sits
 * in the page's flow, so it never covers a button the way a floating switcher did.
 */
export function PersonaEntry() {
  const label = useDevPersonaLabel()
  return (
    <View className='card mine-links dev-persona-entry' data-testid='dev-persona-entry' onClick={() => openPersonaSwitcher()}>
      <View className='mine-link'>
        <Text>切换身份（本地体验）</Text>
        <Text className='mine-link__arrow'>{label ? `${label.replace(/（.*）/, '')} ›` : '›'}</Text>
      </View>
    </View>
  )
}
