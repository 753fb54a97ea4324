import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'

const root = path.resolve(__dirname, '..')
const contractsDir = path.join(root, 'cloudfunctions/contracts')

/**
 * One config for both targets: `taro build --type weapp` → dist/weapp (what project.config.json points to),
 * `taro build --type h5` → dist/h5 (what the local gateway serves).
 */
export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'wuye-community',
    date: '2026-11-22',
    // NutUI React Taro is drawn on a 375 px canvas; using the same width for our own styles means one
    // mental model: write px as on a 375-wide phone, Taro turns them into rpx (×2) on weapp and rem on H5.
    designWidth: 375,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // TARO_OUTPUT_ROOT (relative to the repo) builds somewhere private, e.g. while dist/ is busy.
    outputRoot: process.env.TARO_OUTPUT_ROOT || `dist/${process.env.TARO_ENV}`,
    // NutUI React Taro renders some HTML-ish nodes and relies on tag styles; its guide requires this plugin.
    plugins: ['@tarojs/plugin-html'],
    defineConstants: {
      // The CloudBase environment the weapp calls; empty means "the env selected in WeChat DevTools".
      CLOUD_ENV: JSON.stringify(process.env.CLOUD_ENV ?? ''),
      // Where the H5 build finds the local gateway; empty = same origin (the gateway serves dist/h5 itself).
      FN_GATEWAY: JSON.stringify(process.env.FN_GATEWAY ?? ''),
    },
    alias: {
      '@': path.join(root, 'src'),
      '@contracts': contractsDir,
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    logger: { quiet: true, stats: false },
    mini: {
      // The shared zod contracts live outside src/; they must go through the same TypeScript/babel pipeline.
      compile: { include: [contractsDir] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      // Keep node_modules shared by several subpackages out of the main package where webpack allows it.
      optimizeMainPackage: { enable: true },
    },
    h5: {
      compile: { include: [contractsDir] },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      // The H5 build only serves local development and the browser tests; bundle-size hints are noise there
      // (the weapp package budget is what counts, see bench/miniprogram.bench.ts).
      webpackChain(chain) {
        chain.performance.hints(false)
      },
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[contenthash:8].css', chunkFilename: 'css/[name].[chunkhash:8].css' },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  }
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})
