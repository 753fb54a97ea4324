/**
 * Mini-program weight: package sizes of dist/weapp (WeChat: 2 MB hard limit per package; our goal for the
 * main package is < 600 KB) and the first-screen setData payload of the tab pages, measured by running
 * the real weapp build in miniprogram-simulate against the seeded local world (WeChat advises keeping
 * each setData small; 1 MB is a hard cap).
 */
import type { BenchRow } from './bench-table'
import { createTestWorld } from '../tests/support/test-platform'
import { WEAPP_DIR, bootWeapp, requireWeappBuild } from '../tests/components/support/weapp-sim'
import { packageSizes } from '../tests/components/support/weapp-files'

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

export default async function miniprogramBench(): Promise<BenchRow[]> {
  requireWeappBuild()
  const rows: BenchRow[] = []
  const sizes = packageSizes(WEAPP_DIR)
  rows.push({ area: 'miniprogram', metric: 'main package size', value: kb(sizes.mainBytes), note: `goal < 600 KB (hard limit 2 MB); ${sizes.mainBytes < 600 * 1024 ? 'within goal' : 'OVER GOAL'}` })
  rows.push({ area: 'miniprogram', metric: 'total size (all packages)', value: kb(sizes.totalBytes), note: `${Object.keys(sizes.subpackages).length} subpackages` })
  const [biggestRoot, biggestBytes] = Object.entries(sizes.subpackages).sort((a, b) => b[1] - a[1])[0] ?? ['-', 0]
  rows.push({ area: 'miniprogram', metric: 'largest subpackage', value: kb(biggestBytes), note: biggestRoot })

  const world = await createTestWorld({ seed: true })
  try {
    const sim = bootWeapp(world)
    const screens: [string, string, string][] = [
      ['首页', 'pages/index/index', 'demo-owner'],
      ['我的', 'pages/mine/index', 'demo-owner'],
      ['我的 (unbound)', 'pages/mine/index', 'demo-unbound'],
      ['服务', 'pages/services/index', 'demo-steward'],
      // The staff first screens (role-aware home) and the workbench pages behind them.
      ['首页 · 维修工作台 (technician)', 'pages/index/index', 'demo-technician'],
      ['首页 · 管家工作台 (steward)', 'pages/index/index', 'demo-steward'],
      ['首页 · 运营工作台 (ops)', 'pages/index/index', 'demo-ops'],
      ['维修工作台 page', 'packages/repairs/pages/workbench/index', 'demo-technician'],
      ['欠费催缴 page', 'packages/steward/pages/arrears/index', 'demo-steward'],
      ['运营看板 page', 'packages/ops/pages/dashboard/index', 'demo-ops'],
    ]
    for (const [label, route, openid] of screens) {
      sim.setOpenid(openid)
      const page = await sim.openPage(route)
      const total = page.calls.reduce((s, c) => s + c.bytes, 0)
      const largest = Math.max(...page.calls.map((c) => c.bytes))
      rows.push({
        area: 'miniprogram',
        metric: `first-screen setData: ${label}`,
        value: `${total.toLocaleString('en-US')} B`,
        note: `${page.calls.length} calls, largest ${largest.toLocaleString('en-US')} B (cap 1 MB)`,
      })
      page.unload()
    }
  } finally {
    world.close()
  }
  return rows
}
