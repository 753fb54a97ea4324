import type { PropsWithChildren } from 'react'
import Taro from '@tarojs/taro'
import './app.scss'

if (process.env.TARO_ENV === 'weapp') {
  // One init per app launch; an empty env means "the env chosen in WeChat DevTools / the default env".
  Taro.cloud.init({ ...(CLOUD_ENV ? { env: CLOUD_ENV } : {}), traceUser: true })
}

/** Taro renders each page as this component's children. */
function App({ children }: PropsWithChildren) {
  return children
}

export default App
