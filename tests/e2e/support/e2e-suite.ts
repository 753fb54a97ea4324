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
