import fs from 'node:fs'
import path from 'node:path'
import { WEAPP_DIR, requireWeappBuild } from './support/weapp-sim'
import { listFiles, packageSizes } from './support/weapp-files'

/** Properties of the WeChat build itself (dist/weapp, produced by `npm run build:weapp` before jest). */
beforeAll(() => requireWeappBuild())

const appJson = () => JSON.parse(fs.readFileSync(path.join(WEAPP_DIR, 'app.json'), 'utf8'))

test('the dev persona switcher and the H5 gateway transport are not in the weapp build', () => {
  const markers = ['x-dev-openid', '切换身份', 'dev.persona', '/dev/personas', 'dev-persona']
  const hits: string[] = []
  for (const f of listFiles(WEAPP_DIR)) {
    if (!/\.(js|wxml|wxss|json|wxs)$/.test(f.rel)) continue
    const text = fs.readFileSync(path.join(WEAPP_DIR, f.rel), 'utf8')
    for (const m of markers) if (text.includes(m)) hits.push(`${f.rel}: ${m}`)
  }
  expect(hits).toEqual([])
})

test('tabs are in the main package and every feature area is a subpackage', () => {
  const app = appJson()
  expect(app.tabBar.list.map((t: { text: string; pagePath: string }) => `${t.text}:${t.pagePath}`)).toEqual([
    '首页:pages/index/index',
    '服务:pages/services/index',
    '我的:pages/mine/index',
  ])
  const roots = app.subPackages.map((s: { root: string }) => s.root)
  for (const area of ['households', 'orders', 'fees', 'groupbuy', 'repairs', 'access', 'groups', 'steward', 'ops']) {
    expect(roots).toContain(`packages/${area}`)
  }
  // Every page listed exists in the build, so WeChat DevTools can open it.
  const pages = [...app.pages, ...app.subPackages.flatMap((s: { root: string; pages: string[] }) => s.pages.map((p) => `${s.root}/${p}`))]
  for (const p of pages) expect(fs.existsSync(path.join(WEAPP_DIR, `${p}.js`))).toBe(true)
})

test('the main package stays under the 2 MB WeChat limit', () => {
  // The 600 KB goal is tracked by `npm run bench -- miniprogram`; the hard limit is a correctness rule.
  expect(packageSizes(WEAPP_DIR).mainBytes).toBeLessThan(2 * 1024 * 1024)
})

test('the root project.config.json points WeChat DevTools at the builds', () => {
  const project = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../project.config.json'), 'utf8'))
  expect(project.miniprogramRoot).toBe('dist/weapp/')
  expect(project.cloudfunctionRoot).toBe('dist/functions/')
  expect(project.compileType).toBe('miniprogram')
})
