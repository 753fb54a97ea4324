/**
 * miniprogram-simulate renders into a DOM. The jsdom *test environment* would hide Node's globals (and
 * pick browser builds of packages) that the in-process functions need, so the suite runs in the node
 * environment and gets just the DOM globals simulate uses.
 */
import { JSDOM } from 'jsdom'

export function installDomGlobals(): void {
  const g = global as any
  if (g.window) return
  const dom = new JSDOM('<!doctype html><html><body></body></html>', { url: 'https://servicewechat.com/' })
  const w = dom.window as any
  g.window = w
  for (const key of ['document', 'navigator', 'Element', 'HTMLElement', 'Node', 'Event', 'CustomEvent', 'getComputedStyle']) {
    if (g[key] === undefined) g[key] = typeof w[key] === 'function' && key === 'getComputedStyle' ? w[key].bind(w) : w[key]
  }
}
