/**
 * Runs the real WeChat build (dist/weapp) inside miniprogram-simulate: app.js boots Taro and React, each
 * page's js registers through `Page`, which we route onto simulate's `Component` support. The page's
 * lifecycle is driven through the component lifetimes; every setData payload is recorded and applied to
 * a plain tree (Taro's base templates don't render in simulate's pure-JS renderer, so the data tree is
 * what tests assert on). wx.cloud.callFunction answers from an in-process local world, so pages run
 * against the real functions and database engine.
 */
import fs from 'node:fs'
import path from 'node:path'
import { applySetData, payloadBytes } from './set-data-tree'
import { installDomGlobals } from './dom-globals'
import type { ViewNode } from './view-tree'
import type { TestWorld } from '../../support/test-platform'
import { invokeLocal, asUser } from '../../../cloudfunctions/platform/local/invoke-local'

/** The weapp build under test; WEAPP_DIR may point at a private build (TARO_OUTPUT_ROOT in config/index.ts). */
export const WEAPP_DIR = path.resolve(__dirname, '../../..', process.env.WEAPP_DIR || 'dist/weapp')

export function requireWeappBuild(): void {
  if (!fs.existsSync(path.join(WEAPP_DIR, 'app.js'))) {
    throw new Error('dist/weapp/app.js not found: run `npm run build:weapp` first (npm test builds it before jest).')
  }
}

export interface SetDataCall {
  bytes: number
  keys: string[]
}

export interface SimPage {
  route: string
  /** The view as WeChat would hold it after every setData so far. */
  root(): ViewNode
  calls: SetDataCall[]
  /** Page methods Taro generated (onPullDownRefresh, eh, ...). */
  instance: Record<string, any>
  /** Wait until no cloud call is in flight and setData has gone quiet (after a tap or a refresh). */
  settle(): Promise<void>
  /** Tap a node of the tree (Taro routes every event through the page's `eh` handler by node id). */
  tap(node: ViewNode): void
  unload(): void
}

export interface WeappSim {
  /** Who wx.cloud.callFunction acts as (what CloudBase would read from the WeChat session). */
  setOpenid(openid: string): void
  openPage(route: string, query?: Record<string, string>): Promise<SimPage>
  /** URLs passed to wx.navigateTo / switchTab / redirectTo, in order. */
  navigations: string[]
  cloudCalls: { name: string; data: any }[]
}

let booted: WeappSim | null = null

/** Boot the weapp once per test file (its modules live in this file's module registry). */
export function bootWeapp(world: TestWorld): WeappSim {
  if (booted) return booted
  requireWeappBuild()
  installDomGlobals()
  const simulate = require('miniprogram-simulate')
  const g = global as any
  let openid = 'demo-owner'
  const navigations: string[] = []
  const cloudCalls: { name: string; data: any }[] = []

  const wx = g.wx
  wx.cloud = {
    init: () => undefined,
    callFunction: async ({ name, data }: { name: string; data: any }) => {
      cloudCalls.push({ name, data })
      inFlight.count += 1
      try {
        return { result: await invokeLocal(world.platform, name, data, asUser(openid)), errMsg: 'cloud.callFunction:ok' }
      } finally {
        inFlight.count -= 1
      }
    },
  }
  for (const api of ['navigateTo', 'switchTab', 'redirectTo', 'reLaunch']) {
    wx[api] = (opts: { url: string; success?: () => void; complete?: () => void }) => {
      navigations.push(opts.url)
      opts.success?.()
      opts.complete?.()
    }
  }
  wx.stopPullDownRefresh = (opts?: { success?: () => void }) => opts?.success?.()

  let app: any = null
  g.App = (config: any) => {
    app = config
  }
  g.getApp = () => app
  let pendingPage: any = null
  const pageIds = new Map<string, string>()
  g.Page = (config: any) => {
    pendingPage = config
    g.Component(pageAsComponent(config))
  }
  g.getCurrentPages = () => []

  require(path.join(WEAPP_DIR, 'app.js'))
  if (!app) throw new Error('dist/weapp/app.js did not call App()')
  app.onLaunch?.call(app, { path: 'pages/index/index', query: {}, scene: 1001 })
  app.onShow?.call(app, { path: 'pages/index/index', query: {}, scene: 1001 })

  booted = {
    navigations,
    cloudCalls,
    setOpenid: (id) => {
      openid = id
    },
    openPage: async (route, query = {}) => {
      // A page's js runs once per app (webpack caches the module, as WeChat does); later opens are new
      // instances of the component registered the first time.
      let id = pageIds.get(route)
      if (!id) {
        pendingPage = null
        id = simulate.load(path.join(WEAPP_DIR, route), 'page', { compiler: 'simulate', rootPath: WEAPP_DIR }) as string
        if (!pendingPage) throw new Error(`${route}.js did not call Page()`)
        pageIds.set(route, id)
      }
      const comp = simulate.render(id, {})
      const parent = document.createElement('div')
      const instance = (comp as any).instance as Record<string, any>
      const rec = instance.__sim as Recorder
      instance.route = route
      instance.__route__ = route
      comp.attach(parent)
      instance.onLoad?.(query)
      instance.onShow?.()
      instance.onReady?.()
      await settle(rec)
      return {
        route,
        root: () => (rec.tree.root ?? {}) as ViewNode,
        calls: rec.calls,
        instance,
        settle: () => settle(rec),
        tap: (node) => {
          const target = { id: node.uid ?? node.sid, dataset: { sid: node.sid } }
          instance.eh({ type: 'tap', timeStamp: Date.now(), target, currentTarget: target, detail: {}, touches: [], changedTouches: [] })
        },
        unload: () => {
          instance.onUnload?.()
          comp.detach()
        },
      }
    },
  }
  return booted
}

interface Recorder {
  tree: Record<string, unknown>
  calls: SetDataCall[]
}

/** A page config as a component: data stays, every function becomes a method, setData is recorded. */
function pageAsComponent(config: Record<string, any>) {
  const methods: Record<string, (...a: any[]) => any> = {}
  for (const [k, v] of Object.entries(config)) if (typeof v === 'function') methods[k] = v
  return {
    data: config.data ?? {},
    methods,
    lifetimes: {
      created(this: any) {
        const rec: Recorder = { tree: {}, calls: [] }
        this.__sim = rec
        // Copy non-function fields (config, options...) Taro set on the page object.
        for (const [k, v] of Object.entries(config)) if (typeof v !== 'function' && k !== 'data') this[k] = v
        this.setData = (data: Record<string, unknown>, cb?: () => void) => {
          rec.calls.push({ bytes: payloadBytes(data), keys: Object.keys(data) })
          applySetData(rec.tree, data)
          if (cb) Promise.resolve().then(cb)
        }
      },
    },
  }
}

const inFlight = { count: 0 }

/**
 * Let React commit, the cloud calls resolve and the follow-up setData land: done when nothing is in
 * flight and no setData arrived for a few ticks.
 */
async function settle(rec: Recorder, timeoutMs = 5000): Promise<void> {
  const started = Date.now()
  let seen = -1
  let quietTicks = 0
  while (Date.now() - started < timeoutMs) {
    await new Promise((r) => setTimeout(r, 10))
    if (inFlight.count === 0 && rec.calls.length === seen) quietTicks += 1
    else quietTicks = 0
    seen = rec.calls.length
    if (quietTicks >= 3) return
  }
  throw new Error('page did not settle within 5 s')
}
