/**
 * Browser tests: the local stack (gateway + embedded database + demo seed) on a free port with a temp
 * data dir, serving the H5 build from dist/h5, driven by Debian's Chromium through playwright-core.
 * Nothing is built here: `npm run test:e2e` builds dist/h5 first.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { startLocalStack, type LocalStack } from '../../../scripts/local-stack'
import type { Clock } from '../../../cloudfunctions/core/kernel/platform'

const ROOT = path.resolve(__dirname, '../../..')
/** The H5 build to serve; E2E_H5_DIR points at a private build (see TARO_OUTPUT_ROOT in config/index.ts). */
export const H5_DIR = path.resolve(ROOT, process.env.E2E_H5_DIR || 'dist/h5')
export const SCREENSHOT_DIR = path.join(ROOT, '.artifacts/screenshots')
/** CHROMIUM_PATH wins; otherwise Debian's `chromium` (or `chromium-browser`) found on the PATH. */
function chromiumCandidates(): string[] {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)
  const onPath = ['chromium', 'chromium-browser'].flatMap((name) => dirs.map((d) => path.join(d, name)))
  return [process.env.CHROMIUM_PATH, ...onPath].filter(Boolean) as string[]
}

export interface E2E {
  baseUrl: string
  browser: Browser
  stack: LocalStack
  close(): Promise<void>
}

const baseUrls = new WeakMap<Browser, string>()

export function chromiumPath(): string {
  const found = chromiumCandidates().find((p) => fs.existsSync(p))
  if (!found) {
    throw new Error('Chromium not found on the PATH. Install Debian\'s build: `apt-get install -y chromium fonts-noto-cjk` (or set CHROMIUM_PATH).')
  }
  return found
}

/**
 * Serve a private copy of dist/h5, so a build someone starts during the run (which empties dist/h5)
 * cannot pull the app from under the browser. Never waits on a build lock: callers often run
 * the whole suite inside one, and waiting on it here would deadlock them. If a build is emptying
 * the folder right now, wait (bounded) for its index.html to reappear.
 */
function snapshotH5(into: string): string {
  const deadline = Date.now() + 180_000
  while (!fs.existsSync(path.join(H5_DIR, 'index.html'))) {
    if (!fs.existsSync(H5_DIR) || Date.now() > deadline) {
      throw new Error('dist/h5/index.html not found: run `npm run build:h5` first (`npm run test:e2e` does it).')
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000)
  }
  const target = path.join(into, 'h5')
  fs.cpSync(H5_DIR, target, { recursive: true })
  if (!fs.existsSync(path.join(target, 'index.html'))) throw new Error('dist/h5 changed while being copied (a build is running); run the tests again.')
  return target
}

/**
 * `clock`: the server's clock, for a test that must see a month close (the browser keeps real time); by
 * default the system clock.
 */
export async function startE2E(options: { clock?: Clock } = {}): Promise<E2E> {
  const executablePath = chromiumPath()
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wuye-e2e-'))
  const h5Dir = snapshotH5(tmp)
  const dataDir = path.join(tmp, 'data')
  const stack = await startLocalStack({ port: 0, dataDir, h5Dir, quiet: true, clock: options.clock })
  const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'] })
  const baseUrl = `http://127.0.0.1:${stack.port}`
  baseUrls.set(browser, baseUrl)
  return {
    baseUrl,
    browser,
    stack,
    close: async () => {
      await browser.close()
      await stack.close()
      fs.rmSync(tmp, { recursive: true, force: true })
    },
  }
}

export interface OpenAppOptions {
  /** Demo persona id (unbound, owner, family, steward, steward2, technician, ops, visitor); none = a fresh browser. */
  persona?: string
  /** App route, e.g. '/pages/mine/index' or '/packages/fees/pages/index/index?x=1'. */
  path?: string
  /** CSS pixels; default 390×844. The front-door checks use 375×812 (and 320 wide for text cut-off). */
  viewport?: { width: number; height: number }
}

/**
 * A new phone-sized browser context with the persona preselected, opened at `path`. Without a persona a
 * fresh browser is the unbound newcomer (src/dev/persona-store.ts), so a test that means the owner says so.
 */
export async function openApp(target: E2E | Browser, { persona, path: route = '/pages/index/index', viewport = { width: 390, height: 844 } }: OpenAppOptions = {}): Promise<Page> {
  const browser = 'browser' in target ? target.browser : target
  const baseUrl = 'baseUrl' in target ? target.baseUrl : baseUrls.get(browser)
  if (!baseUrl) throw new Error('openApp: this browser was not started by startE2E()')
  const context = await browser.newContext({
    viewport,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  })
  if (persona) {
    await context.addInitScript((id) => {
      if (!localStorage.getItem('dev.persona')) localStorage.setItem('dev.persona', id)
    }, persona)
  }
  const page = await context.newPage()
  page.on('pageerror', (e) => process.stderr.write(`[browser] ${e.message}\n`))
  await page.goto(`${baseUrl}/#${route.startsWith('/') ? route : `/${route}`}`)
  return page
}

/** Full-page PNG under .artifacts/screenshots/ (gitignored); returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const file = path.join(SCREENSHOT_DIR, `${name}.png`)
  await page.screenshot({ path: file })
  return file
}
