import type { UserConfigExport } from '@tarojs/cli'

/** `taro build --watch` (npm run dev:h5): readable output, no minification. */
export default {
  logger: { quiet: false, stats: true },
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>
