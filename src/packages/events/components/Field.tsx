import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'

export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className='ev-field'>
      <Text className='ev-field__label'>{label}</Text>
      {children}
    </View>
  )
}
