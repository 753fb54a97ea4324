import type { UserConfigExport } from '@tarojs/cli'

/** `taro build` (build:weapp / build:h5): minified; the main package has a 2 MB hard limit on WeChat. */
export default {
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>
