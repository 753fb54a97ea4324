import type { PropsWithChildren } from 'react'
import Taro from '@tarojs/taro'
import './app.scss'

if (process.env.TARO_ENV === 'weapp') {
  // One init per app launch; an empty env means "the env chosen in WeChat DevTools / the default env".
  Taro.cloud.init({ ...(CLOUD_ENV ? { env: CLOUD_ENV } : {}), traceUser: true })
}

if (process.env.TARO_ENV === 'h5') {
  // Demo personas exist only in the browser build; webpack drops this branch (and the module) for weapp.
  ;(require('./dev/persona-switcher') as typeof import('./dev/persona-switcher')).mountPersonaSwitcher()
}

/** Taro renders each page as this component's children. */
function App({ children }: PropsWithChildren) {
  return children
}

export default App
