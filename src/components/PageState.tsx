import type { ReactNode } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { FnError } from '@/services/call-fn'
import './page-state.scss'

export interface PageStateProps {
  loading: boolean
  error?: FnError
  /** True when the data came back but there is nothing to show. */
  empty?: boolean
  emptyText?: string
  /** E.g. a "去绑定" button under the empty text. */
  emptyAction?: ReactNode
  onRetry?: () => void
  /** Shown while data is present; during a reload the old content stays instead of a spinner. */
  children?: ReactNode
  hasData?: boolean
}

const HOME = '/pages/index/index'
const canGoBack = () => Taro.getCurrentPages().length > 1

/** An error is never a dead end: back to where the person came from, or home when opened directly. */
function leave() {
  if (canGoBack()) void Taro.navigateBack()
  else void Taro.reLaunch({ url: HOME })
}

/** Loading / error-with-retry-and-back / empty / content, the same way on every page. */
export function PageState({ loading, error, empty, emptyText = '暂无内容', emptyAction, onRetry, children, hasData }: PageStateProps) {
  if (error && !hasData) {
    return (
      <View className='page-state page-state--error'>
        <Text className='page-state__title'>加载失败</Text>
        <Text className='page-state__text'>{error.message}</Text>
        <View className='page-state__actions'>
          {onRetry && (
            <Button className='page-state__action' type='primary' onClick={onRetry}>
              重试
            </Button>
          )}
          <Button className='page-state__action' data-testid='page-state-back' onClick={leave}>
            {canGoBack() ? '返回' : '回首页'}
          </Button>
        </View>
      </View>
    )
  }
  if (loading && !hasData) {
    return (
      <View className='page-state page-state--loading'>
        <View className='page-state__spinner' />
        <Text className='page-state__text'>加载中…</Text>
      </View>
    )
  }
  if (empty) {
    return (
      <View className='page-state page-state--empty'>
        <Text className='page-state__text'>{emptyText}</Text>
        {emptyAction && <View className='page-state__action'>{emptyAction}</View>}
      </View>
    )
  }
  return <>{children}</>
}

export default PageState
