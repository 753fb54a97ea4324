import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import './sheet.scss'

/**
 * A bottom sheet drawn with Views: a dimmed backdrop (tap to close), a title, content and a row of
 * actions. Used for confirmations that must show what will happen before it happens.
 */
export function Sheet({ title, children, actions, onClose, testId }: { title: string; children: ReactNode; actions: ReactNode; onClose: () => void; testId?: string }) {
  return (
    <View className='sheet' data-testid={testId ?? 'sheet'}>
      <View className='sheet__backdrop' onClick={onClose} />
      <View className='sheet__panel'>
        <View className='sheet__head'>
          <Text className='sheet__title'>{title}</Text>
          <Text className='sheet__close' onClick={onClose} aria-label='关闭'>
            ×
          </Text>
        </View>
        <View className='sheet__body'>{children}</View>
        <View className='sheet__actions'>{actions}</View>
      </View>
    </View>
  )
}
