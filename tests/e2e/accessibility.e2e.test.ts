import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { openApp, screenshot, startE2E, type E2E } from './support/e2e'

/**
 * Accessibility audit of every page in app.config.ts (issue 16): each page, opened as the persona who uses
 * it, at 375 and at 320 px wide, must not scroll sideways, and every visible button, switch, tab and chip
 * must answer taps over at least 44×44 px. The tap area is measured the way a finger meets it: the points
 * 21 px above, below, left and right of a target's centre must land on the target (an invisible ::after that
 * enlarges a small-looking button counts; a neighbour's area does not).
 */
let e2e: E2E

beforeAll(async () => {
  e2e = await startE2E()
})
afterAll(async () => {
  await e2e?.close()
})

/** Every page of the app, read from app.config.ts so a new page is audited without touching this test. */
function appPages(): string[] {
  const src = fs.readFileSync(path.resolve(__dirname, '../../src/app.config.ts'), 'utf8')
  // The main package's list is the first `pages: [...]` (subpackage lists also hold 'pages/…' entries).
  const mainList = /^\s*pages: \[([^\]]+)\],/m.exec(src)?.[1] ?? ''
  const main = [...mainList.matchAll(/'([^']+)'/g)].map((m) => m[1])
  const subs = [...src.matchAll(/\{ root: '([^']+)', pages: \[([^\]]+)\] \}/g)].flatMap((m) => [...m[2].matchAll(/'([^']+)'/g)].map((p) => `${m[1]}/${p[1]}`))
  return [...new Set([...main, ...subs])]
}

/** Who opens each page: staff pages as their staff, binding as the newcomer, everything else as the owner. */
function personaFor(page: string): string {
  if (page === 'packages/households/pages/bind/index') return 'unbound'
  if (/packages\/(steward|households\/pages\/grid|groups\/pages\/(steward|upload|create)|groupbuy\/pages\/(pickup|manage)|repairs\/pages\/steward)/.test(page)) return 'steward'
  if (/packages\/repairs\/pages\/(queue|workbench|complete)/.test(page)) return 'technician'
  // Ops' pages outside packages/ops: 商户与结算, and 住户画像 (segment builder, 滞销商品 with its 取消标记 chips).
  if (/packages\/ops\//.test(page) || /packages\/merchants\/pages\/ops|packages\/profiles\/pages\/(segment|slow)/.test(page)) return 'ops'
  if (/packages\/merchants\/pages\/workbench/.test(page)) return 'merchant'
  return 'owner'
}

const TARGETS = '.nut-button, .nut-switch, button, a[href], [role="button"], .taro-tabbar__tabbar-item, [class*="__chip"], .pf-chip, .chip, .gbf-chip, .ev-chip, .kind-chip, .segment-tabs__tab, .bind-relation'

interface Finding {
  page: string
  width: number
  overflowPx: number
  smallTargets: string[]
  /** Targets that were on screen and measured. */
  measured: string[]
}

/**
 * Targets that must be on screen and measured when their page is audited, so a page that silently shows
 * only its empty or forbidden state (wrong persona, no demo data) cannot pass by having nothing to measure.
 */
const MUST_MEASURE: Record<string, string> = {
  'packages/profiles/pages/slow/index': 'slow-clear',
  'packages/merchants/pages/ops/index': 'tab-invoices',
  'packages/merchants/pages/workbench/index': 'tab-invoices',
}

async function audit(page: Page, route: string, width: number): Promise<Finding> {
  await page.setViewportSize({ width, height: 812 })
  // A hash change alone may keep the previous page mounted: load the route afresh.
  await page.goto(`${e2e.baseUrl}/#/${route}`)
  await page.reload()
  // Loaded: the page's content (or its empty / error state) is in place, and nothing is still loading.
  await page.waitForLoadState('networkidle').catch(() => undefined)
  await page.waitForTimeout(400)
  return page.evaluate(
    ({ selector, route, width }) => {
      const overflowPx = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - window.innerWidth
      const small: string[] = []
      const measured: string[] = []
      const reach = 21
      for (const el of Array.from(document.querySelectorAll<HTMLElement>(selector))) {
        const r = el.getBoundingClientRect()
        const style = getComputedStyle(el)
        if (r.width === 0 || r.height === 0 || style.visibility === 'hidden' || style.display === 'none') continue
        // Only what is on screen now (a finger cannot tap what is scrolled away; the next scroll is checked by its own visit).
        const cx = r.left + r.width / 2
        const cy = r.top + r.height / 2
        if (cy - reach < 0 || cy + reach > window.innerHeight || cx - reach < 0 || cx + reach > window.innerWidth) continue
        const testId = el.getAttribute('data-testid')
        if (testId) measured.push(testId)
        const points = [[cx, cy - reach], [cx, cy + reach], [cx - reach, cy], [cx + reach, cy]]
        const ok = points.every(([x, y]) => {
          const hit = document.elementFromPoint(x, y)
          return !!hit && (el === hit || el.contains(hit) || hit.contains(el))
        })
        if (!ok) small.push(`${(el.textContent || el.className).toString().trim().slice(0, 16)} (${Math.round(r.width)}×${Math.round(r.height)})`)
      }
      return { page: route, width, overflowPx: Math.max(0, overflowPx), smallTargets: small, measured }
    },
    { selector: TARGETS, route, width },
  )
}

test('every page, as its persona, at 375 and 320 px: no sideways scroll, tap targets ≥ 44 px', async () => {
  const pages = appPages()
  expect(pages.length).toBeGreaterThan(40)
  const findings: Finding[] = []
  const byPersona = new Map<string, string[]>()
  for (const p of pages) byPersona.set(personaFor(p), [...(byPersona.get(personaFor(p)) ?? []), p])
  for (const [persona, routes] of byPersona) {
    const page = await openApp(e2e, { persona, path: '/pages/mine/index', viewport: { width: 375, height: 812 } })
    for (const route of routes) {
      for (const width of [375, 320]) {
        const f = await audit(page, route, width)
        if (MUST_MEASURE[route]) expect({ route, width, measured: f.measured.includes(MUST_MEASURE[route]) }).toEqual({ route, width, measured: true })
        if (f.overflowPx > 0 || f.smallTargets.length) {
          findings.push(f)
          await screenshot(page, `a11y-${route.replace(/\//g, '_')}-${width}`)
        }
      }
    }
    await page.context().close()
  }
  process.stdout.write(`audited ${pages.length} pages × 2 widths; findings:\n${findings.map((f) => `  ${f.page} @${f.width}: overflow ${f.overflowPx}px; small: ${f.smallTargets.join(', ')}`).join('\n')}\n`)
  expect(findings).toEqual([])
}, 600_000)

test('first screens of every persona at 375×812 (screenshots to look at), none scrolls sideways', async () => {
  for (const persona of ['unbound', 'owner', 'family', 'steward', 'technician', 'ops']) {
    const page = await openApp(e2e, { persona, path: '/pages/index/index', viewport: { width: 375, height: 812 } })
    const f = await audit(page, 'pages/index/index', 375)
    await screenshot(page, `first-screen-${persona}`)
    expect({ persona, overflowPx: f.overflowPx, smallTargets: f.smallTargets }).toEqual({ persona, overflowPx: 0, smallTargets: [] })
    await page.context().close()
  }
}, 180_000)
