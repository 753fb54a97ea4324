import type { Page } from 'playwright-core'
import { startE2E, type E2E } from './e2e'

/** The phone every front-door check is held to (and 320 px for the narrowest). */
export const PHONE = { width: 375, height: 812 }

/**
 * One local stack and browser for the describe block this is called in: started before its first test,
 * closed after its last. The handle reads through to the running stack, so tests use it like an E2E.
 */
export function useE2E(): E2E {
  let current: E2E | undefined
  beforeAll(async () => {
    current = await startE2E()
  }, 120_000)
  afterAll(async () => {
    await current?.close()
  })
  const live = (): E2E => {
    if (!current) throw new Error('the E2E stack starts in beforeAll: use it inside a test')
    return current
  }
  return {
    get baseUrl() {
      return live().baseUrl
    },
    get browser() {
      return live().browser
    },
    get stack() {
      return live().stack
    },
    close: () => live().close(),
  }
}

/** Request ids unique across runs and within one (a retried call must mean the same request, a new one not). */
export function requestIds(prefix: string): () => string {
  let seq = 0
  return () => `${prefix}-${Date.now().toString(36)}-${++seq}`
}

/** How many pixels the page is wider than the screen (0 or less: nothing scrolls sideways). */
export function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - window.innerWidth)
}

/**
 * A page pushed on the stack slides in from the right: resolves once the router has marked the page that
 * holds `selector` as arrived (`taro_page_stationed`, no transform left), `selector` sits at the left edge,
 * and no toast covers the page — so a screenshot shows the page, not half of the one it slid over.
 */
export async function pageSettled(page: Page, selector: string): Promise<void> {
  await page.waitForFunction((sel) => {
    const el = document.querySelector(sel)
    const host = el?.closest('.taro_page')
    if (!el || !host) return false
    const left = el.getBoundingClientRect().left
    return host.classList.contains('taro_page_stationed') && getComputedStyle(host).transform === 'none' && left >= 0 && left < 24
  }, selector)
  await page.locator('.taro__toast, .weui-toast').first().waitFor({ state: 'hidden' }).catch(() => undefined)
}

/** Taro's H5 modal (Taro.showModal) fades in over 0.2 s: resolves once it is fully shown. */
export async function modalShown(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const modal = document.querySelector<HTMLElement>('.taro__modal')
    return !!modal && modal.style.display !== 'none' && getComputedStyle(modal).opacity === '1'
  })
}
